import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { t } from '../i18n';
import { HOME } from './gates';

export default function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Button type="primary" size="large" onClick={() => navigate(HOME)}>
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
