import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type Method } from '../../../../shared/contract';
import type { SessionSlot } from '../../context';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { makeTestCard, type TestCard } from '../cards/testCards';

/**
 * SPEC §8 / issue 4: a partner verifier sees card numbers, masked names and amounts — and, for a
 * delivery only, a delivery address; never an ID number, a phone, a birth date, a real name or any
 * other address. Checked on the contract's output schemas (so a field added later is caught) and on
 * the calls themselves.
 */

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}

const LEAVES = new Set(['string', 'number', 'int', 'boolean', 'bigint', 'date', 'enum', 'literal', 'null', 'undefined', 'void', 'nan', 'any', 'unknown', 'never', 'file', 'template_literal']);

/** Every field path of a schema's output ("rows[].maskedName"). An unknown wrapper fails loudly instead of hiding fields. */
function fieldPaths(schema: z.ZodType, path = '', out: string[] = []): string[] {
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape!)) {
        out.push(at(k));
        fieldPaths(v, at(k), out);
      }
      break;
    case 'array':
      fieldPaths(def.element!, `${path}[]`, out);
      break;
    case 'record':
      fieldPaths(def.valueType!, `${path}{}`, out);
      break;
    case 'tuple':
      for (const item of def.items!) fieldPaths(item, `${path}[]`, out);
      break;
    case 'union':
      for (const o of def.options!) fieldPaths(o, path, out);
      break;
    case 'intersection':
      fieldPaths(def.left!, path, out);
      fieldPaths(def.right!, path, out);
      break;
    case 'pipe':
      fieldPaths(def.out!, path, out);
      break;
    case 'lazy':
      fieldPaths(def.getter!(), path, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      fieldPaths(def.innerType!, path, out);
      break;
    default:
      if (!LEAVES.has(def.type)) throw new Error(`a schema of type ${def.type} at "${path}": teach fieldPaths about it`);
  }
  return out;
}

/** Field names that would be personal data on a partner's screen. */
const PERSONAL = /idnumber|phone|birth|gender|address|^(name|holdername|headname|residentname|realname)$/i;
/**
 * Fields that match but are allowed: the one personal field a partner may see — the delivery address
 * of a delivery (SPEC §4.7) — and names that are not people's.
 */
const ALLOWED: Partial<Record<Method, string[]>> = {
  'till.deliveries': ['[].address'],
  'till.requestDelivery': ['address'],
  'till.setDeliveryStatus': ['address'],
  'till.deliveryAddress': ['address'],
  'kiosk.state': ['services[].name'],
};

const methods = Object.keys(contract) as Method[];
const partnerReaches = (m: Method) => {
  const access = contract[m].access;
  return access === 'public' || access.includes('partner');
};

describe('the partner role and personal data', () => {
  it('walks the schemas (the walker itself finds fields)', () => {
    expect(fieldPaths(contract['till.purchases'].output)).toContain('rows[].maskedName');
    expect(fieldPaths(contract['residents.get'].output).some((p) => /idNumber/i.test(p))).toBe(true);
  });

  for (const method of methods.filter(partnerReaches)) {
    it(`${method}: no personal field in what it answers`, () => {
      const leaks = fieldPaths(contract[method].output).filter((p) => {
        const leaf = p.split(/[.[\]{}]+/).filter(Boolean).pop()!;
        return PERSONAL.test(leaf) && !(ALLOWED[method] ?? []).includes(p);
      });
      expect(leaks).toEqual([]);
    });
  }

  it('a partner reaches only its till and its own session', () => {
    const reached = methods.filter((m) => contract[m].access !== 'public' && partnerReaches(m));
    expect(reached.filter((m) => !m.startsWith('till.') && !m.startsWith('session.'))).toEqual([]);
  });

  describe('over the dispatcher, as a logged-in partner verifier', () => {
    let t: TestBackend;
    let partner: SessionSlot;
    let card: TestCard;
    beforeAll(async () => {
      t = await makeTestBackend();
      partner = await t.loginAs('partner');
      card = await makeTestCard(t, { delivery: true });
    });
    afterAll(() => t.close());

    const personal = methods.filter((m) => /^(residents|households|cardApplications|requests|cards|partners|cardReports|users|audit)\./.test(m));

    it('covers the personal-data calls', () => {
      for (const m of ['residents.get', 'residents.search', 'households.get', 'cards.get', 'requests.get', 'requests.list'] as Method[]) expect(personal).toContain(m);
    });

    for (const method of personal) {
      it(`${method} is refused`, async () => {
        // Real ids, so a refusal is the role check and not a missing record.
        const input = { id: card.id, householdId: card.householdId, residentId: card.holderResidentId, cardNo: card.cardNo };
        expect(await t.backend.dispatch(partner, method, input)).toEqual({ ok: false, error: { code: 'FORBIDDEN', key: 'error.forbidden' } });
      });
    }

    it('sees the card’s number, masked name and delivery address, and nothing more', async () => {
      const v = await t.ok(partner, 'till.verify', { code: card.code });
      expect(v.maskedName).toBe('张*芳');
      expect(JSON.stringify(v)).not.toContain('张小芳');
      expect(await t.ok(partner, 'till.deliveryAddress', { cardNo: card.cardNo })).toEqual({ address: '幸福路1号3单元201' });
    });
  });
});
