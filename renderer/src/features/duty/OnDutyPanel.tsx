import { Card, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { clockText } from './dutyWords';

/** 在岗人员: who is checked in at each station right now, for the desk (names and times only). */
export function OnDutyPanel() {
  const now = useApiQuery('duty.onDutyNow', {}, { refetchInterval: 60_000 });
  const stations = now.data?.stations ?? [];
  return (
    <Card
      size="small"
      title={
        <span>
          <TeamOutlined /> {t('onDuty.title')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="on-duty-panel"
    >
      {stations.length === 0 && <Typography.Text type="secondary">{now.isPending ? '' : t('onDuty.none')}</Typography.Text>}
      {stations.map((s) => (
        <div key={s.stationId} className="on-duty-station" style={{ marginBottom: 6 }}>
          <Typography.Text strong style={{ marginRight: 8 }}>
            {s.stationName}
          </Typography.Text>
          {s.people.map((p) => (
            <Tag key={p.staffId} color={p.shiftName ? 'green' : 'blue'} style={{ fontSize: 15, padding: '2px 8px', marginBottom: 4 }}>
              {p.name} · {t('onDuty.since', { time: clockText(p.since) })}
              {p.shiftName ? '' : ` · ${t('onDuty.unscheduled')}`}
            </Tag>
          ))}
        </div>
      ))}
    </Card>
  );
}
