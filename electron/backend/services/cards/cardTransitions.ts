import { fail } from '../../../../shared/contract/errors';
import type { CardStatus } from './rows';

export type CardAction = 'suspend' | 'resume' | 'revoke' | 'replace' | 'renew' | 'print';

/** Which stored statuses each change may start from (SPEC §4.3); an expired card is stored as active. */
const ALLOWED_FROM: Record<CardAction, readonly CardStatus[]> = {
  suspend: ['active'],
  resume: ['suspended'],
  revoke: ['active', 'suspended'],
  // 挂失补卡: a card reported lost may have been suspended first.
  replace: ['active', 'suspended'],
  renew: ['active'],
  print: ['active', 'suspended'],
};

/** Why a change is refused from a status: the key says what state the card is in. */
const REFUSALS: { action: CardAction | '*'; from: readonly CardStatus[]; key: string }[] = [
  { action: '*', from: ['revoked'], key: 'card.state.revoked' },
  { action: '*', from: ['replaced'], key: 'card.state.replaced' },
  { action: 'suspend', from: ['suspended'], key: 'card.suspend.already' },
  { action: 'resume', from: ['active'], key: 'card.resume.notSuspended' },
  { action: 'renew', from: ['suspended'], key: 'card.renew.suspended' },
];

export function assertCardAllows(action: CardAction, from: CardStatus): void {
  if (ALLOWED_FROM[action].includes(from)) return;
  const key = REFUSALS.find((r) => (r.action === action || r.action === '*') && r.from.includes(from))?.key ?? 'card.state.refused';
  throw fail.conflict(key, undefined, { from, action });
}
