import type { ReactNode } from 'react';
import { Button, ConfigProvider, Steps, Tag, type StepsProps } from 'antd';
import type { ApplicationDetail } from '../../../../../shared/contract/cards';
import { chineseDate, chineseDateTime } from '../../../components/format';
import { t } from '../../../i18n';
import { lastStep, noticeOver } from './applicationText';

type Status = NonNullable<NonNullable<StepsProps['items']>[number]['status']>;
type Objection = ApplicationDetail['objections'][number];

interface Props {
  application: ApplicationDetail;
  today: string;
  /** Shown beside each open objection for the admin. */
  onSettle?: (objection: Objection) => void;
}

function Who({ name, at }: { name: string; at: number }) {
  return <div className="progress-who">{t('applicationView.byAt', { name, at: chineseDateTime(at) })}</div>;
}

function Line({ children }: { children: ReactNode }) {
  return <div className="progress-line">{children}</div>;
}

function ObjectionItem({ o, onSettle }: { o: Objection; onSettle?: (o: Objection) => void }) {
  return (
    <div className="progress-objection" data-testid="objection">
      <Line>
        {o.settledAt === null ? <Tag color="red">{t('applicationView.objectionOpen')}</Tag> : <Tag color={o.upheld ? 'red' : 'green'}>{t(o.upheld ? 'applicationView.objectionUpheld' : 'applicationView.objectionRejected')}</Tag>}
        <span style={{ whiteSpace: 'pre-wrap' }}>{o.content}</span>
      </Line>
      <Who name={o.objector ? t('applicationView.objectorVia', { objector: o.objector, name: o.lodgedByName }) : o.lodgedByName} at={o.lodgedAt} />
      {o.settledAt !== null && (
        <>
          <Line>{t('applicationView.settlementIs', { text: o.settlement ?? '' })}</Line>
          <Who name={o.settledByName ?? ''} at={o.settledAt} />
        </>
      )}
      {o.settledAt === null && onSettle && (
        <Button type="primary" onClick={() => onSettle(o)}>
          {t('applicationAction.settle')}
        </Button>
      )}
    </div>
  );
}

/** The application's whole record, top to bottom: 受理 → 民主评议 → 公示 → 异议 → 审批, each with who and when. */
export function ApplicationProgress({ application: a, today, onSettle }: Props) {
  const closed = a.status === 'rejected' || a.status === 'withdrawn';
  const submitted = lastStep(a, 'submitted');
  const reviewed = lastStep(a, 'reviewed');
  const posted = lastStep(a, 'noticePosted');
  const decided = lastStep(a, 'approved', 'rejected', 'withdrawn');
  const rejectedByReview = a.review?.decision === 'reject';

  const reviewStatus: Status = a.review ? (rejectedByReview ? 'error' : 'finish') : a.status === 'submitted' ? 'process' : 'wait';
  const noticeStatus: Status = a.notice ? (noticeOver(a, today) || a.status !== 'notice' ? 'finish' : 'process') : a.status === 'reviewed' ? 'process' : 'wait';
  const openObjections = a.objections.filter((o) => o.settledAt === null);
  const objectionStatus: Status = openObjections.length ? 'error' : a.objections.some((o) => o.upheld) ? 'error' : a.notice ? (noticeOver(a, today) || a.status !== 'notice' ? 'finish' : 'process') : 'wait';
  const decisionStatus: Status = a.status === 'approved' ? 'finish' : closed ? 'error' : a.status === 'notice' ? 'process' : 'wait';

  const items: StepsProps['items'] = [
    {
      title: t('applicationStage.submitted'),
      status: 'finish',
      content: submitted && <Who name={submitted.userName} at={submitted.at} />,
    },
    {
      title: t('applicationStage.review'),
      status: reviewStatus,
      content: a.review ? (
        <>
          <Line>{t('applicationView.meetingOn', { date: chineseDate(a.review.meetingDate) })}</Line>
          <Line>{t('applicationView.presentAre', { present: a.review.present })}</Line>
          <Line>{t('applicationView.votes', { for: a.review.votesFor, against: a.review.votesAgainst, abstain: a.review.votesAbstain })}</Line>
          <Line>
            <Tag color={rejectedByReview ? 'red' : 'green'}>{t(`applicationView.decision.${a.review.decision}`)}</Tag>
            {a.review.note}
          </Line>
          {reviewed && <Who name={reviewed.userName} at={reviewed.at} />}
        </>
      ) : (
        <Line>{a.status === 'submitted' ? t('applicationView.reviewWaiting') : t('applicationView.notDone')}</Line>
      ),
    },
    {
      title: t('applicationStage.notice'),
      status: noticeStatus,
      content: a.notice ? (
        <>
          <Line>{t('applicationView.noticePeriod', { from: chineseDate(a.notice.startDate), to: chineseDate(a.notice.endDate) })}</Line>
          <Line>{t('applicationView.noticePlace', { place: a.notice.place })}</Line>
          {posted && <Who name={posted.userName} at={posted.at} />}
        </>
      ) : (
        <Line>{a.status === 'reviewed' ? t('applicationView.noticeWaiting') : t('applicationView.notDone')}</Line>
      ),
    },
    {
      title: t('applicationStage.objections'),
      status: objectionStatus,
      content: a.objections.length ? (
        a.objections.map((o) => <ObjectionItem key={o.id} o={o} onSettle={onSettle} />)
      ) : (
        <Line>{!a.notice ? t('applicationView.notDone') : noticeOver(a, today) || a.status !== 'notice' ? t('applicationView.noObjections') : t('applicationView.objectionsOpenUntil', { end: chineseDate(a.notice.endDate) })}</Line>
      ),
    },
    {
      title: t('applicationStage.decision'),
      status: decisionStatus,
      content: decided ? (
        <>
          <Line>
            <Tag color={decided.action === 'approved' ? 'green' : 'red'}>{t(`applicationStep.${decided.action}`)}</Tag>
            {decided.note}
          </Line>
          <Who name={decided.userName} at={decided.at} />
        </>
      ) : (
        <Line>{a.status === 'notice' ? t('applicationView.decisionWaiting') : t('applicationView.notDone')}</Line>
      ),
    },
  ];

  return (
    <div data-testid="application-progress">
      {/* Done steps in green, not the theme's red: a red tick would read as a problem. */}
      <ConfigProvider theme={{ token: { colorPrimary: '#389e0d' } }}>
        <Steps orientation="vertical" size="small" className="application-progress" current={-1} items={items} />
      </ConfigProvider>
    </div>
  );
}
