import type { ApplicationDetail } from '../../../../../shared/contract/cards';
import { chineseDate } from '../../../components/format';
import { t } from '../../../i18n';

type Step = ApplicationDetail['steps'][number];

/** The last time a step of this kind was recorded. */
export function lastStep(a: ApplicationDetail, ...actions: Step['action'][]): Step | undefined {
  return [...a.steps].reverse().find((s) => actions.includes(s.action));
}

/** Why 审批发卡 cannot be pressed yet, in words with the date: 公示期至11月30日，期满后才能审批. */
export function approvalBlockedText(a: ApplicationDetail): string | null {
  const key = a.approvalBlockedBy;
  if (!key) return null;
  const end = a.notice ? chineseDate(a.notice.endDate) : '';
  if (key.endsWith('noticeRunning')) return t('applicationView.blocked.noticeRunning', { end });
  if (key.endsWith('openObjections')) return t('applicationView.blocked.openObjections', { n: a.openObjections });
  return t(key, { end, n: a.openObjections });
}

/** The notice period is over once its last day has passed (Asia/Shanghai). */
export function noticeOver(a: ApplicationDetail, today: string): boolean {
  return !!a.notice && today > a.notice.endDate;
}

export const isOpenApplication = (a: Pick<ApplicationDetail, 'status'>) => a.status === 'submitted' || a.status === 'reviewed' || a.status === 'notice';
