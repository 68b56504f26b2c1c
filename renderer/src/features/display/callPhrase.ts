import { t } from '../../i18n';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A ticket number as a Mandarin voice should read it: letter and digits one by one ("A012" →
 * "A 零 一 二"), not "A 十二" and not "A zero one two".
 */
export function spokenTicketNumber(number: string): string {
  return [...number].map((c) => (c >= '0' && c <= '9' ? DIGITS[Number(c)] : c.toUpperCase())).join(' ');
}

/** 请 A 零 一 二 号到 2 号窗口办理 */
export function callSentence(ticketNumber: string, counter: number): string {
  return t('displayPage.callSpeech', { number: spokenTicketNumber(ticketNumber), counter });
}
