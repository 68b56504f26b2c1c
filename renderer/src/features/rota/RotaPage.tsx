import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session/SessionContext';
import { t } from '../../i18n';
import { SetupTab } from './setup/SetupTab';
import { SwapsTab } from './swaps/SwapsTab';
import { WeekTab } from './week/WeekTab';
import './rota.css';

/** 值班表: the week's plan, swaps, and (admin) shifts and templates. */
export default function RotaPage() {
  const me = useMe();
  const isAdmin = me.role === 'admin';
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'week';
  const items = [
    { key: 'week', label: t('rota.tab.week'), children: <WeekTab isAdmin={isAdmin} /> },
    { key: 'swaps', label: t('rota.tab.swaps'), children: <SwapsTab isAdmin={isAdmin} /> },
    ...(isAdmin ? [{ key: 'setup', label: t('rota.tab.setup'), children: <SetupTab /> }] : []),
  ];
  return (
    <div className="rota-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('nav.rota')}</Typography.Title>
      </div>
      <Tabs
        size="large"
        activeKey={tab}
        onChange={(key) =>
          setParams(
            (p) => {
              p.set('tab', key);
              return p;
            },
            { replace: true },
          )
        }
        destroyOnHidden
        items={items}
      />
    </div>
  );
}
