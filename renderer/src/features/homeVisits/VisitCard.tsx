import { Button, Space, Tag } from 'antd';
import { CalendarOutlined, CheckCircleOutlined, CloseCircleOutlined, EnvironmentOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import type { HomeVisit } from '../../../../shared/contract';
import { t } from '../../i18n';
import { statusLabel } from '../requests/requestLabels';
import { STATUS_COLORS, visitSpan, visitStatusLabel } from './visitWords';

export interface VisitActions {
  onComplete(v: HomeVisit): void;
  onCancel(v: HomeVisit): void;
  onReschedule(v: HomeVisit): void;
}

/** One visit on the day plan: the time big, where to go, whom to see, why; and what can be done with it. */
export function VisitCard({ visit: v, actions }: { visit: HomeVisit; actions: VisitActions }) {
  return (
    <div className={`home-visit-card home-visit-${v.status}`} data-testid="visit-card">
      <div className="home-visit-time">
        <span>{visitSpan(v)}</span>
        <Tag color={STATUS_COLORS[v.status]} className="home-visit-status" data-testid="visit-status">
          {visitStatusLabel(v.status)}
        </Tag>
      </div>
      <div className="home-visit-body">
        <div className="home-visit-address">
          <EnvironmentOutlined /> {v.address}
        </div>
        <Space wrap size="middle" className="home-visit-who">
          <span>
            <UserOutlined /> {v.residentName ?? t('homeVisits.noResident')}
          </span>
          {v.residentPhoneMasked && (
            <span className="masked-value">
              <PhoneOutlined /> {v.residentPhoneMasked}
            </span>
          )}
          {v.requestNumber && (
            <span>
              {t('homeVisits.requestNumber', { number: v.requestNumber })}
              {v.requestStatus && <Tag style={{ marginInlineStart: 6 }}>{statusLabel(v.requestStatus)}</Tag>}
            </span>
          )}
        </Space>
        <div className="home-visit-purpose">{v.purpose}</div>
        {v.outcome && <div className="home-visit-outcome">{t('homeVisits.outcomeIs', { outcome: v.outcome })}</div>}
        {v.cancelReason && <div className="home-visit-outcome">{t('homeVisits.cancelledBecause', { reason: v.cancelReason })}</div>}
      </div>
      {v.status === 'planned' && (
        <Space wrap className="home-visit-actions">
          <Button size="large" type="primary" icon={<CheckCircleOutlined />} onClick={() => actions.onComplete(v)}>
            {t('homeVisits.complete')}
          </Button>
          <Button size="large" icon={<CalendarOutlined />} onClick={() => actions.onReschedule(v)}>
            {t('homeVisits.reschedule')}
          </Button>
          <Button size="large" danger icon={<CloseCircleOutlined />} onClick={() => actions.onCancel(v)}>
            {t('homeVisits.cancel')}
          </Button>
        </Space>
      )}
    </div>
  );
}
