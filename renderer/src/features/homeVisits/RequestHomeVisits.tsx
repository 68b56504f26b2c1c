import { useState } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { CarOutlined } from '@ant-design/icons';
import { OPEN_STATUSES, type RequestDetail } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { VisitFormDialog } from './VisitFormDialog';
import { dayWithWeekday, STATUS_COLORS, visitSpan, visitStatusLabel } from './visitWords';
import './homeVisits.css';

/**
 * On a 上门办 request: its visits (the planned one first, cancelled ones as history) and 安排上门 while
 * it is open with none planned. Other requests show nothing.
 */
export function RequestHomeVisits({ request: r }: { request: RequestDetail }) {
  const [planning, setPlanning] = useState(false);
  const visits = useApiQuery('homeVisits.forRequest', { requestId: r.id }, { enabled: r.mode === 'homevisit' || r.homeVisitId !== null });
  if (r.mode !== 'homevisit' && r.homeVisitId === null) return null;
  const list = visits.data ?? [];
  const open = (OPEN_STATUSES as readonly string[]).includes(r.status);
  const canPlan = r.mode === 'homevisit' && open && visits.isSuccess && !list.some((v) => v.status === 'planned');

  return (
    <div className="request-home-visits" data-testid="request-home-visits" style={{ marginBottom: 16 }}>
      <Space wrap size="middle" style={{ marginBottom: 6 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('homeVisits.request.section')}
        </Typography.Text>
        {canPlan && (
          <Button size="large" type="primary" icon={<CarOutlined />} onClick={() => setPlanning(true)} data-testid="plan-home-visit">
            {t('homeVisits.request.plan')}
          </Button>
        )}
      </Space>
      {visits.isSuccess && list.length === 0 && <div className="home-visit-line">{t('homeVisits.request.none')}</div>}
      {canPlan && list.length > 0 && <div className="home-visit-line">{t('homeVisits.request.waiting')}</div>}
      {list.map((v) => (
        <div key={v.id} className="home-visit-line" data-testid="request-home-visit">
          <Tag color={STATUS_COLORS[v.status]}>{visitStatusLabel(v.status)}</Tag>
          <strong>
            {dayWithWeekday(v.day)} {visitSpan(v)}
          </strong>
          <span>{v.staffName}</span>
          <span>{v.address}</span>
          {v.cancelReason && <span>{t('homeVisits.cancelledBecause', { reason: v.cancelReason })}</span>}
        </div>
      ))}
      <VisitFormDialog target={planning ? { kind: 'create', request: r } : null} onClose={() => setPlanning(false)} />
    </div>
  );
}
