import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { t } from '../i18n';
import { homeFor } from './gates';
import { useSession } from './session/SessionContext';

export default function NotFoundPage() {
  const navigate = useNavigate();
  const { me } = useSession();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Button type="primary" size="large" onClick={() => navigate(homeFor(me?.role))}>
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
