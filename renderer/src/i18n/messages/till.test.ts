import { describe, expect, it } from 'vitest';
import { REFUSALS } from '../../../../shared/contract/till';
import { zhCN } from '../zh-CN';

/** The refusal keys are built at run time (`till.refusal.${reason}`), so the key scan cannot see them. */
describe('till messages', () => {
  it('has Chinese words for every reason a card is refused', () => {
    for (const reason of REFUSALS) expect(zhCN[`till.refusal.${reason}`], reason).toMatch(/\p{Script=Han}/u);
  });
});
