import { useState } from 'react';
import { Alert, App, Button, Descriptions, Divider, Drawer, Space, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, MessageOutlined, PlayCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { OFFICE, OPEN_STATUSES, type RequestDetail } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText, showApiError } from '../../components/apiErrors';
import { chineseDate, chineseDateTime } from '../../components/format';
import { PageSpinner } from '../../components/PageSpinner';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { RequestHomeVisits } from '../homeVisits/RequestHomeVisits';
import { CountyOriginTag } from '../sync/CountyOriginTag';
import { RequestActionDialog, type RequestAction } from './RequestActionDialog';
import { RequestSteps } from './RequestSteps';
import { ModeTag, OverdueTag, SatisfactionTag, StatusTag } from './RequestTags';
import { channelLabel } from './requestLabels';
import './requests.css';

interface Props {
  requestId: string | null;
  onClose: () => void;
}

const isOpen = (r: RequestDetail) => (OPEN_STATUSES as readonly string[]).includes(r.status);

const none = <span style={{ color: 'var(--ant-color-text-tertiary)' }}>{t('common.none')}</span>;

/** Everything about one request, its history, and the next steps its status allows. */
export function RequestDetailDrawer({ requestId, onClose }: Props) {
  const me = useMe();
  const office = OFFICE.includes(me.role);
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const query = useApiQuery('requests.get', { id: requestId ?? '' }, { enabled: !!requestId });
  const start = useApiMutation('requests.start');
  const [action, setAction] = useState<RequestAction | null>(null);
  const r = query.data && query.data.id === requestId ? query.data : undefined;

  const startNow = (req: RequestDetail) =>
    start.mutate(
      { id: req.id },
      {
        onSuccess: (x) => {
          invalidate('requests.', 'figures.');
          message.success(t('requestAction.started', { number: x.number }));
        },
        onError: (err) => showApiError(err, (text) => message.error(text)),
      },
    );

  const actions = r && (
    <Space wrap size="middle" data-testid="request-actions">
      {(r.status === 'received' || r.status === 'assigned') && (
        <Button size="large" type="primary" icon={<PlayCircleOutlined />} loading={start.isPending} onClick={() => startNow(r)}>
          {t('requestAction.start')}
        </Button>
      )}
      {isOpen(r) && (
        <Button size="large" type={r.status === 'in_progress' ? 'primary' : 'default'} icon={<CheckCircleOutlined />} onClick={() => setAction('resolve')}>
          {t('requestAction.resolve')}
        </Button>
      )}
      {office && r.status === 'resolved' && (
        <Button size="large" type="primary" icon={<MessageOutlined />} onClick={() => setAction('feedback')}>
          {t('requestAction.feedback')}
        </Button>
      )}
      {office && isOpen(r) && (
        <Button size="large" icon={<SwapOutlined />} onClick={() => setAction('reroute')}>
          {t('requestAction.reroute')}
        </Button>
      )}
      {office && r.status !== 'void' && (
        <Button size="large" danger icon={<CloseCircleOutlined />} onClick={() => setAction('void')}>
          {t('requestAction.void')}
        </Button>
      )}
    </Space>
  );

  const handler = r && (
    <Space wrap size={4}>
      <ModeTag mode={r.mode} />
      {r.assigneeName && <span>{t('requestView.assigneeIs', { name: r.assigneeName })}</span>}
      {r.department && <span>{t('requestView.departmentIs', { name: r.department })}</span>}
      {r.visitAddress && <span>{t(r.mode === 'onsite' ? 'requestView.placeIs' : 'requestView.visitAddressIs', { address: r.visitAddress })}</span>}
    </Space>
  );

  return (
    <Drawer
      open={!!requestId}
      onClose={onClose}
      size={680}
      // × at the right: on the left it sits under the centred success messages, which swallow the click for 3 s.
      closable={{ placement: 'end' }}
      title={r ? t('requestView.detailTitle', { number: r.number }) : t('requestView.detail')}
      destroyOnHidden
    >
      {query.isLoading && <PageSpinner />}
      {query.error && <Alert type="error" showIcon title={failureText(query.error)} />}
      {r && (
        <div data-testid="request-detail">
          <Space wrap size="middle" style={{ marginBottom: 12 }}>
            <StatusTag status={r.status} large />
            {r.overdue && <OverdueTag large />}
            {r.satisfaction && <SatisfactionTag value={r.satisfaction} />}
            {r.reopenCount > 0 && <Typography.Text type="danger">{t('requestView.reopenCount', { count: r.reopenCount })}</Typography.Text>}
          </Space>
          {r.status === 'resolved' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('requestView.awaitingFeedback')} />}
          {r.status === 'void' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('requestView.voidedBecause', { reason: r.voidReason ?? '' })} />}
          <div style={{ marginBottom: 16 }}>{actions}</div>
          <RequestHomeVisits request={r} />
          <Descriptions
            column={1}
            bordered
            size="small"
            styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
            items={[
              {
                key: 'resident',
                label: t('requestView.resident'),
                children: r.residentName ? (
                  <Space wrap size={4}>
                    <strong>{r.residentName}</strong>
                    {r.residentPhoneMasked && <span className="masked-value">{r.residentPhoneMasked}</span>}
                    {r.residentAddress && <span>{r.residentAddress}</span>}
                  </Space>
                ) : (
                  t('requestView.anonymous')
                ),
              },
              { key: 'service', label: t('requestView.service'), children: r.serviceName },
              {
                key: 'channel',
                label: t('requestView.channel'),
                children:
                  r.channel === 'county' ? (
                    <CountyOriginTag originRef={r.originRef} />
                  ) : (
                    [
                      channelLabel(r.channel),
                      r.counter ? t('requestView.counterIs', { counter: r.counter }) : '',
                      r.ticketNumber ? t('requestView.ticketIs', { number: r.ticketNumber }) : '',
                      r.originRef ? t('requestView.originRefIs', { ref: r.originRef }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  ),
              },
              { key: 'description', label: t('requestView.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span> },
              { key: 'mode', label: t('requestView.mode'), children: handler },
              {
                key: 'due',
                label: t('requestView.dueDate'),
                children: <span className={r.overdue ? 'request-due-overdue' : undefined}>{chineseDate(r.dueDate)}</span>,
              },
              { key: 'received', label: t('requestView.receivedBy'), children: `${r.receivedByName} · ${chineseDateTime(r.receivedAt)}` },
              {
                key: 'resolution',
                label: t('requestView.resolution'),
                children: r.resolution ? (
                  <span style={{ whiteSpace: 'pre-wrap' }}>
                    {r.resolution}
                    {r.resolvedAt && <span style={{ color: 'var(--ant-color-text-secondary)' }}>（{chineseDateTime(r.resolvedAt)}）</span>}
                  </span>
                ) : (
                  none
                ),
              },
              {
                key: 'feedback',
                label: t('requestView.feedback'),
                children: r.satisfaction ? (
                  <Space wrap size={4}>
                    <SatisfactionTag value={r.satisfaction} />
                    {r.feedbackNote}
                  </Space>
                ) : (
                  none
                ),
              },
            ]}
          />
          <Divider titlePlacement="start">{t('requestView.steps')}</Divider>
          <RequestSteps steps={r.steps} />
          <RequestActionDialog action={action} request={r} onClose={() => setAction(null)} />
        </div>
      )}
    </Drawer>
  );
}
