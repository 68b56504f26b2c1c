import type { z } from 'zod';
import type { Rng } from './prng';
import { HOSTILE, HOSTILE_TEXT } from './hostile';

/** What the generator may draw on to make values the handlers will take: ids that exist, a usable folder. */
export interface Pools {
  ids: string[];
  /** Ids by table, so `residentId` gets a resident's id and `residents.get`'s `id` one too. */
  idsByTable: Map<string, string[]>;
  /** Other values that must match the data: card numbers. */
  strings: string[];
  dates: string[];
  folder: string;
}

interface Def {
  type: string;
  [k: string]: unknown;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const TEXT = ['张三', '测试文本', 'a', 'A1', 'fuzz_user1', '幸福路8号', '13800138000', '110101195003071234', 'note'];
const STRING_EXTRA = ['1234', '123456', 'secret123', 'Passw0rd!x', '09:00', '17:30', '2026-11', 'http://127.0.0.1:9', 'A-01', '1', '0', '12.5'];
const NUMBERS = [1, 0, 2026, 11, 2, 3, 5, 7, 10, 30, 60, 100, 480, 1000, 10_000, 1_795_000_000_000];

/** The first candidate the schema itself accepts, so checks like regex and min/max steer the value. */
function firstAccepted<T>(rng: Rng, s: z.ZodType, candidates: readonly T[], fallback: T): T {
  for (const c of rng.shuffled(candidates)) if (s.safeParse(c).success) return c;
  return fallback;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Ids from the table a field most likely points into: `residentId` → residents, a method's own `id` → its domain's table. */
function idsFor(key: string, method: string, pools: Pools): string[] {
  const stem = key === 'id' ? snake(method.split('.')[0]!).replace(/s$/, '') : key.endsWith('Id') ? snake(key.slice(0, -2)) : null;
  if (!stem) return [];
  // The table itself (requests for `requestId`), else every table it begins (queue → queue_tickets).
  const exact = [stem, `${stem}s`, `${stem}es`].flatMap((t) => pools.idsByTable.get(t) ?? []);
  if (exact.length) return exact;
  const out: string[] = [];
  for (const [table, ids] of pools.idsByTable) if (table.startsWith(stem)) out.push(...ids);
  return out;
}

/** A value the schema most likely accepts (object-level refinements may still refuse it). */
export function validFor(s: z.ZodType, rng: Rng, pools: Pools, depth = 0, key = '', method = ''): unknown {
  const d = defOf(s);
  const inner = (x: unknown, k = key) => validFor(x as z.ZodType, rng, pools, depth + 1, k, method);
  switch (d.type) {
    case 'string': {
      const likely = idsFor(key, method, pools);
      const ids = [...(likely.length ? [rng.pick(likely), rng.pick(likely)] : []), ...(pools.ids.length ? [rng.pick(pools.ids)] : [])];
      const cands = [...pools.dates, pools.folder, ...pools.strings, ...TEXT, ...STRING_EXTRA];
      for (const c of rng.shuffled(ids)) if (s.safeParse(c).success) return c;
      return firstAccepted(rng, s, cands, rng.pick(TEXT));
    }
    case 'number':
      return firstAccepted(rng, s, NUMBERS, 1);
    case 'boolean':
      return rng.chance(0.5);
    case 'enum':
      return rng.pick(Object.values(d.entries as Record<string, string>));
    case 'literal':
      return (d.values as unknown[])[0];
    case 'array': {
      if (depth > 6) return [];
      const n = rng.int(4);
      return Array.from({ length: n }, () => inner(d.element));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) {
        const wrapper = defOf(v).type;
        if ((wrapper === 'optional' || wrapper === 'default') && rng.chance(0.3)) continue;
        const value = inner(v, k);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return rng.chance(0.2) ? undefined : inner(d.innerType);
    case 'nullable':
      return rng.chance(0.15) ? null : inner(d.innerType);
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(d.innerType);
    case 'pipe': {
      const input = d.in as z.ZodType;
      return inner(defOf(input).type === 'transform' ? d.out : input);
    }
    case 'union':
      return inner(rng.pick(d.options as z.ZodType[]));
    case 'record':
      return rng.chance(0.5) ? {} : { [String(inner(d.keyType))]: inner(d.valueType) };
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/** Every place in a value one could put something else: the root, each key, each array slot. */
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  out.push(prefix);
  if (depth > 8 || v === null || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v)) paths(x, [...prefix, Array.isArray(v) ? Number(k) : k], out, depth + 1);
  return out;
}

function setAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = (v: unknown): Record<string | number, unknown> => (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  const top = copy(root);
  let cur = top;
  for (let i = 0; i < at.length - 1; i++) {
    const next = copy(cur[at[i]!]);
    cur[at[i]!] = next;
    cur = next;
  }
  cur[at[at.length - 1]!] = value;
  return top;
}

/** Values of the same shape as a valid one but wrong: a day that does not exist, an id nobody has. */
function nearMisses(valid: unknown): unknown[] {
  if (typeof valid === 'number') return [-1, valid + 0.5, valid * 1e12, -valid, 2 ** 53];
  if (typeof valid !== 'string') return [];
  if (/^\d{4}-\d{2}-\d{2}$/.test(valid)) return ['2026-02-30', '2026-02-29', '2026-13-01', '2026-11-31', '0000-01-01', '1899-12-31', '9999-12-31', '9999-99-99'];
  if (/^\d{4}-\d{2}$/.test(valid)) return ['2026-13', '0000-00', '9999-99'];
  if (/^\d{2}:\d{2}$/.test(valid)) return ['25:61', '24:00', '23:60', '00:-1'];
  if (/^[0-9a-f-]{36}$/.test(valid)) return ['00000000-0000-0000-0000-000000000000', '0193a1b2-0000-7000-8000-000000000000', valid.toUpperCase()];
  if (/^\d+$/.test(valid)) return ['0'.repeat(valid.length), '9'.repeat(valid.length), `${valid}0`];
  return [];
}

export interface Generated {
  input: unknown;
  /** How it was made, for the failure report. */
  how: string;
}

/** A mostly valid input with one hostile value in it, a wholly wrong input, or (sometimes) a valid one. */
export function generate(method: string, s: z.ZodType, rng: Rng, pools: Pools): Generated {
  const roll = rng.next();
  const base = validFor(s, rng, pools, 0, '', method);
  if (roll < 0.15) return { input: base, how: 'valid' };
  if (roll < 0.3) return { input: rng.pick(HOSTILE), how: 'whole' };
  const all = paths(base);
  const at = all.length > 1 ? all[1 + rng.int(all.length - 1)]! : [];
  if (rng.chance(0.1)) {
    // an extra key nobody asked for
    return { input: setAt(base, [...at.slice(0, -1), 'extra$'], rng.pick(HOSTILE)), how: `extra@${at.join('.')}` };
  }
  const was = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base);
  const near = nearMisses(was);
  const value = near.length && rng.chance(0.4) ? rng.pick(near) : typeof was === 'string' && rng.chance(0.6) ? rng.pick(HOSTILE_TEXT) : rng.pick(HOSTILE);
  return { input: setAt(base, at, value), how: `field@${at.join('.') || '(root)'}` };
}
