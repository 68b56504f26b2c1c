/**
 * Faults on demand, drawn from a seeded PRNG so that the same seed and the same sequence of
 * requests give the same faults (a failing run can be repeated).
 */
export const FAULT_NAMES = ['drop', 'error500', 'error503', 'hang', 'lost', 'duplicatePull', 'reorderPull', 'slow'] as const;
export type FaultName = (typeof FAULT_NAMES)[number];
export type FaultRates = Partial<Record<FaultName, number>>;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `drop=0.1,lost=0.2` → rates; throws on an unknown name or a rate outside 0..1. */
export function parseFaultFlag(flag: string): FaultRates {
  const rates: FaultRates = {};
  for (const part of flag.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    if (!FAULT_NAMES.includes(name as FaultName)) throw new Error(`unknown fault ${name}; known: ${FAULT_NAMES.join(', ')}`);
    rates[name as FaultName] = checkRate(name!, Number(value));
  }
  return rates;
}

function checkRate(name: string, n: number): number {
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`fault rate ${name} must be between 0 and 1`);
  return n;
}

export function checkRates(raw: unknown): FaultRates {
  if (raw === null || typeof raw !== 'object') throw new Error('rates must be an object');
  const rates: FaultRates = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!FAULT_NAMES.includes(name as FaultName)) throw new Error(`unknown fault ${name}`);
    rates[name as FaultName] = checkRate(name, Number(value));
  }
  return rates;
}

/** What happens to one request before it is handled. */
export type PreFault = 'drop' | 'error500' | 'error503' | 'hang' | null;

export class Faults {
  private random: () => number;
  private rates: FaultRates = {};
  readonly counts: Record<FaultName, number> = Object.fromEntries(FAULT_NAMES.map((n) => [n, 0])) as Record<FaultName, number>;

  constructor(seed = 1, rates: FaultRates = {}) {
    this.random = mulberry32(seed);
    this.rates = rates;
  }

  set(seed: number | undefined, rates: FaultRates): void {
    if (seed !== undefined) this.random = mulberry32(seed);
    this.rates = rates;
  }

  reset(): void {
    this.rates = {};
  }

  current(): FaultRates {
    return { ...this.rates };
  }

  /** One draw per fault kind so the sequence of draws does not depend on which rates are set. */
  private hit(name: FaultName): boolean {
    const r = this.random();
    const rate = this.rates[name] ?? 0;
    if (rate > 0 && r < rate) {
      this.counts[name]++;
      return true;
    }
    return false;
  }

  beforeHandling(): PreFault {
    const drop = this.hit('drop');
    const e500 = this.hit('error500');
    const e503 = this.hit('error503');
    const hang = this.hit('hang');
    return drop ? 'drop' : e500 ? 'error500' : e503 ? 'error503' : hang ? 'hang' : null;
  }

  lostAfterCommit(): boolean {
    return this.hit('lost');
  }

  slow(): boolean {
    return this.hit('slow');
  }

  duplicatePull(): boolean {
    return this.hit('duplicatePull');
  }

  reorderPull(): boolean {
    return this.hit('reorderPull');
  }

  /** A number in [0, 1) from the same seeded sequence (for choosing which records to repeat). */
  next(): number {
    return this.random();
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}
