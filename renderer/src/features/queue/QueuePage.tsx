import { useState } from 'react';
import { Alert, App, Col, Row, Typography } from 'antd';
import { OFFICE } from '../../../../shared/contract/roles';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { RequestFormDialog } from '../requests/RequestFormDialog';
import { CounterBar } from './CounterBar';
import { CurrentTicketPanel, type RequestTicket } from './CurrentTicketPanel';
import { IssuePanel } from './IssuePanel';
import { OnDutyPanel } from '../duty/OnDutyPanel';
import { NoShowList } from './NoShowList';
import { TodayPanel } from './TodayPanel';
import { useCounterNumber } from './useCounterNumber';
import { WaitingList } from './WaitingList';
import './queuePage.css';

/** 叫号: one counter's day — open it, call the next number, serve, hand out numbers at the desk. */
export default function QueuePage() {
  const me = useMe();
  const { message } = App.useApp();
  const canAct = OFFICE.includes(me.role);
  const [counterNumber, setCounterNumber] = useCounterNumber();
  const rules = useApiQuery('queue.rules', {});
  const counters = useApiQuery('queue.counters', {});
  const [requestFor, setRequestFor] = useState<RequestTicket | null>(null);
  const counterCount = rules.data?.counterCount ?? Math.max(counterNumber, counters.data?.length ?? 1);
  const counter = counters.data?.find((c) => c.number === counterNumber) ?? null;
  const error = rules.error ?? counters.error;

  return (
    <div className="queue-page">
      <div className="page-title">
        <Typography.Title level={2}>{t('queuePage.title')}</Typography.Title>
        <CounterBar counterNumber={counterNumber} counterCount={counterCount} counter={counter} canAct={canAct} onChoose={setCounterNumber} />
      </div>
      {error && <Alert type="error" showIcon title={failureText(error)} style={{ marginBottom: 16 }} />}
      {!canAct && <Alert type="info" showIcon title={t('queuePage.readOnly')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <CurrentTicketPanel
            counterNumber={counterNumber}
            counterCount={counterCount}
            counter={counter}
            canAct={canAct}
            shortcutsOn={requestFor === null}
            onRequest={setRequestFor}
          />
          <WaitingList counterNumber={counterNumber} />
        </Col>
        <Col xs={24} xl={9}>
          <OnDutyPanel />
          <TodayPanel canAct={canAct} />
          {canAct && <IssuePanel slipPrinter={rules.data?.slipPrinter ?? ''} />}
          <NoShowList canAct={canAct} />
        </Col>
      </Row>
      <RequestFormDialog
        open={requestFor !== null}
        onClose={() => setRequestFor(null)}
        ticket={requestFor ?? undefined}
        counter={counterNumber}
        onCreated={() => {
          setRequestFor(null);
          void message.success(t('queuePage.requestSaved'));
        }}
      />
    </div>
  );
}
