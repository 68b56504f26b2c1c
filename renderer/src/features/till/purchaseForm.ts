import type { Verdict } from '../../../../shared/contract/till';
import { formatFen, priceOf, type Price } from '../../../../shared/rules/money';
import { t } from '../../i18n';
import { checkAmount, showWhileTyping, type AmountCheck } from './amountCheck';

export interface PurchaseValues {
  amount: string;
  cost: string;
  delivery: boolean;
  address: string;
  note: string;
}

export const EMPTY_PURCHASE: PurchaseValues = { amount: '', cost: '', delivery: false, address: '', note: '' };

export interface PurchaseCheck {
  amountError: string | null;
  costError: string | null;
  addressError: string | null;
  /** The price the screen shows (and the backend must agree with), once the amounts are right. */
  price: Price | null;
  amountFen: number | null;
  costFen: number | null;
}

function problemText(c: AmountCheck, maxFen: number, submitted: boolean): string | null {
  if (c.ok || (!submitted && !showWhileTyping(c.problem))) return null;
  if (c.problem === 'tooLarge') return t('purchase.tooLarge', { max: formatFen(maxFen) });
  return t(`purchase.${c.problem === 'required' ? 'amountRequired' : c.problem}`);
}

/**
 * What the amount fields say, with the same priceOf the backend uses. `submitted`: the cashier
 * pressed 登记, so an empty or zero field is an error too (while typing it is only a step on the way).
 */
export function checkPurchase(v: PurchaseValues, verdict: Verdict, maxFen: number, submitted: boolean): PurchaseCheck {
  const isCost = verdict.benefit?.kind === 'cost';
  const amount = checkAmount(v.amount, maxFen);
  const cost = isCost ? checkAmount(v.cost, maxFen) : null;
  const amountError = problemText(amount, maxFen, submitted);
  let costError = cost ? problemText(cost, maxFen, submitted) : null;
  if (cost && !cost.ok && cost.problem === 'required' && submitted) costError = t('purchase.costRequired');
  if (cost?.ok && amount.ok && cost.fen > amount.fen) costError = t('purchase.costOverAmount');
  const addressError = submitted && v.delivery && v.address.trim() === '' ? t('purchase.deliveryAddressRequired') : null;

  const amountFen = amount.ok ? amount.fen : null;
  const costFen = cost?.ok ? cost.fen : null;
  const priced = verdict.benefit && amountFen !== null && (!isCost || (costFen !== null && costFen <= amountFen));
  const price = priced ? priceOf({ benefit: verdict.benefit!, amountFen, costFen, capLeftFen: verdict.capLeftFen }) : null;
  return { amountError, costError, addressError, price, amountFen, costFen };
}
