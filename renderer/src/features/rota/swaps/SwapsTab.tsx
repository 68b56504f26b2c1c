import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Table, Tag, Timeline } from 'antd';
import type { Output } from '../../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { chineseDateTime } from '../../../components/format';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { swapStatusLabel } from '../rotaWords';
import { AskSwapForm, briefLabel } from './AskSwapForm';
import { StepDialog } from './StepDialog';

type Swap = Output<'rota.swaps.list'>['swaps'][number];
type Step = 'accept' | 'decline' | 'withdraw' | 'approve' | 'reject';

const STATUS_COLOR: Record<string, string> = { asked: 'gold', accepted: 'blue', approved: 'green', declined: 'default', rejected: 'red', withdrawn: 'default' };

/** 换班: ask (own PIN), the colleague accepts or declines (their PIN), the admin approves or rejects; the history below. */
export function SwapsTab(props: { isAdmin: boolean }) {
  const open = useApiQuery('rota.swaps.list', { open: true });
  const all = useApiQuery('rota.swaps.list', { open: false });
  const [step, setStep] = useState<{ swap: Swap; step: Step } | null>(null);
  const invalidate = useInvalidate();
  const mutations = {
    accept: useApiMutation('rota.swaps.accept'),
    decline: useApiMutation('rota.swaps.decline'),
    withdraw: useApiMutation('rota.swaps.withdraw'),
    approve: useApiMutation('rota.swaps.approve'),
    reject: useApiMutation('rota.swaps.reject'),
  };
  const run = async (s: Swap, st: Step, v: { pin: string; note: string }) => {
    if (st === 'accept') await mutations.accept.mutateAsync({ id: s.id, pin: v.pin });
    if (st === 'decline') await mutations.decline.mutateAsync({ id: s.id, pin: v.pin, note: v.note });
    if (st === 'withdraw') await mutations.withdraw.mutateAsync({ id: s.id, pin: v.pin });
    if (st === 'approve') await mutations.approve.mutateAsync({ id: s.id, note: v.note });
    if (st === 'reject') await mutations.reject.mutateAsync({ id: s.id, note: v.note });
    invalidate('rota.', 'duty.');
  };
  const pinOf = (s: Swap, st: Step) => (st === 'accept' || st === 'decline' ? s.toName : st === 'withdraw' ? s.fromName : '');

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <AskSwapForm />
      </Col>
      <Col xs={24} xl={15}>
        <Card title={t('rota.swaps.open')} className="rota-card" data-testid="rota-open-swaps">
          {(open.data?.swaps ?? []).length === 0 && <Empty description={t('rota.swaps.none')} />}
          {(open.data?.swaps ?? []).map((s) => (
            <div key={s.id} className="rota-swap" data-testid="rota-swap">
              <div className="rota-swap-main">
                <Tag color={STATUS_COLOR[s.status]} className="rota-status">{swapStatusLabel(s.status)}</Tag>
                <strong>{briefLabel(s.assignment)}</strong>
              </div>
              <div className="rota-swap-who">
                {s.returnAssignment
                  ? t('rota.swaps.exchange', { from: s.fromName, to: s.toName, back: briefLabel(s.returnAssignment) })
                  : t('rota.swaps.cover', { from: s.fromName, to: s.toName })}
              </div>
              {s.reason && <div className="rota-muted">{t('rota.swaps.reason', { reason: s.reason })}</div>}
              <Space wrap style={{ marginTop: 8 }}>
                {s.status === 'asked' && (
                  <>
                    <Button type="primary" onClick={() => setStep({ swap: s, step: 'accept' })} data-testid="rota-swap-accept">
                      {t('rota.swaps.accept', { name: s.toName })}
                    </Button>
                    <Button onClick={() => setStep({ swap: s, step: 'decline' })}>{t('rota.swaps.decline')}</Button>
                  </>
                )}
                {props.isAdmin && s.status === 'accepted' && (
                  <>
                    <Button type="primary" onClick={() => setStep({ swap: s, step: 'approve' })} data-testid="rota-swap-approve">
                      {t('rota.swaps.approve')}
                    </Button>
                    <Button danger onClick={() => setStep({ swap: s, step: 'reject' })}>
                      {t('rota.swaps.reject')}
                    </Button>
                  </>
                )}
                {!props.isAdmin && s.status === 'accepted' && <span className="rota-muted">{t('rota.swaps.waitAdmin')}</span>}
                <Button type="link" onClick={() => setStep({ swap: s, step: 'withdraw' })}>
                  {t('rota.swaps.withdraw')}
                </Button>
              </Space>
            </div>
          ))}
        </Card>
        <Card title={t('rota.swaps.history')} className="rota-card" style={{ marginTop: 16 }}>
          <Table<Swap>
            rowKey="id"
            size="middle"
            dataSource={all.data?.swaps ?? []}
            loading={all.isLoading}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            expandable={{
              expandedRowRender: (s) => (
                <Timeline
                  items={s.steps.map((x) => ({
                    content: `${chineseDateTime(x.at)} ${x.userName} ${t(`rota.swap.action.${x.action}`)}${x.note ? `：${x.note}` : ''}`,
                  }))}
                />
              ),
            }}
            columns={[
              { title: t('rota.swaps.col.shift'), render: (_, s) => briefLabel(s.assignment) },
              { title: t('rota.swaps.col.who'), render: (_, s) => `${s.fromName} → ${s.toName}` },
              { title: t('rota.swaps.col.status'), width: 110, render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{swapStatusLabel(s.status)}</Tag> },
              { title: t('rota.swaps.col.askedAt'), width: 190, render: (_, s) => chineseDateTime(s.askedAt) },
            ]}
          />
        </Card>
      </Col>
      {step && (
        <StepDialog
          open
          title={t(`rota.step.${step.step}.title`, { from: step.swap.fromName, to: step.swap.toName })}
          pinOf={pinOf(step.swap, step.step)}
          noteLabel={step.step === 'decline' || step.step === 'approve' || step.step === 'reject' ? t(`rota.step.${step.step}.note`) : undefined}
          noteRequired={step.step === 'reject'}
          okText={t(`rota.step.${step.step}.ok`)}
          danger={step.step === 'reject' || step.step === 'decline'}
          run={(v) => run(step.swap, step.step, v)}
          onClose={() => setStep(null)}
        />
      )}
    </Row>
  );
}
