import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Method } from '../../../../shared/contract';
import { cardNumberFromSerial, firstCardSerial } from '../../../../shared/rules/cardNumber';
import { addDays } from '../../../../shared/rules/workdays';
import { newId } from '../../db/ids';
import { makeTestBackend, type TestBackend } from '../../testSupport';
import { namePinyin } from '../residents/pinyin';
import { nameGrams, searchDigits } from '../residents/searchText';
import { HARDSHIP_TYPES } from '../../../../shared/contract/cards';

/**
 * The lists at 20,000 households and cards (40,000 residents, an approved application per card,
 * statuses mixed, ends spread over two years). Each list page answers within 50 ms at the desk
 * (a generous ceiling for a slow PC; the figures are printed). Slow to set up, so it runs on demand:
 * CARD_BENCH=1 npx vitest run electron/backend/services/cards/cardLists.bench.test.ts
 */
const HOUSEHOLDS = 20_000;
const BUDGET_MS = 50;
const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗');
const GIVEN = Array.from('秀英明华玉兰建国芳丽伟强军平桂珍德福');

describe.runIf(process.env.CARD_BENCH)('card lists at 20,000 households', () => {
  let t: TestBackend;

  beforeAll(async () => {
    t = await makeTestBackend();
    const db = t.backend.db;
    const now = t.clock.now();
    const resident = db.prepare(
      `INSERT INTO residents (id, name, name_pinyin, name_initials, gender, id_number, phone, search_grams, search_digits, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'F', ?, ?, ?, ?, ?, ?)`,
    );
    const household = db.prepare(
      `INSERT INTO households (id, head_resident_id, address, hardship_types, allowance_cert_no, created_at, updated_at) VALUES (?, ?, '幸福路', ?, ?, ?, ?)`,
    );
    const member = db.prepare(`INSERT INTO household_members (household_id, resident_id, relation) VALUES (?, ?, ?)`);
    const application = db.prepare(
      `INSERT INTO card_applications (id, number, household_id, holder_resident_id, status, benefit_kind, benefit_value, reason, submitted_at, submitted_by, card_id, updated_at)
       VALUES (?, ?, ?, ?, 'approved', 'percent', 10, '困难', ?, 'u', ?, ?)`,
    );
    const card = db.prepare(
      `INSERT INTO cards (id, card_no, household_id, holder_resident_id, application_id, benefit_kind, benefit_value, monthly_cap_fen, valid_from, valid_to, status, key_id, issued_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'percent', 10, 30000, ?, ?, ?, 1, ?, ?)`,
    );
    const statuses = ['active', 'active', 'active', 'active', 'active', 'active', 'suspended', 'revoked', 'replaced', 'active'];
    const person = (i: number) => {
      const name = SURNAMES[i % 20]! + GIVEN[Math.floor(i / 20) % 20]! + GIVEN[Math.floor(i / 400) % 20]!;
      const py = namePinyin(name);
      const idNumber = `110105${String(19400101 + (i % 28))}${String(i).padStart(4, '0').slice(-4)}`;
      const phone = `139${String(i).padStart(8, '0')}`;
      const id = newId();
      resident.run(id, name, py.full, py.initials, idNumber, phone, nameGrams(name), searchDigits(phone, idNumber), now, now);
      return id;
    };
    db.transaction(() => {
      for (let i = 0; i < HOUSEHOLDS; i++) {
        const head = person(2 * i);
        const other = person(2 * i + 1);
        const h = newId();
        household.run(h, head, JSON.stringify([HARDSHIP_TYPES[i % 5]]), `DB${String(i).padStart(6, '0')}`, now, now);
        member.run(h, head, '户主');
        member.run(h, other, '配偶');
        const a = newId();
        const c = newId();
        const validFrom = addDays('2025-11-23', i % 730);
        application.run(a, `SQ2025-${String(i + 1).padStart(5, '0')}`, h, head, now - (HOUSEHOLDS - i) * 60_000, c, now);
        card.run(c, cardNumberFromSerial(firstCardSerial() + i), h, head, a, validFrom, addDays(validFrom, 364), statuses[i % 10], now, now);
      }
    })();
    db.pragma('analyze');
  }, 300_000);
  afterAll(() => t?.close());

  async function timed<M extends Method>(method: M, input: Input<M>): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await t.ok(t.admin, method, input);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[3]!;
  }

  const cases: [string, Method, Record<string, unknown>][] = [
    ['households, first page', 'households.list', {}],
    ['households, page 200', 'households.list', { offset: 10_000 }],
    ['households by initials', 'households.list', { q: 'wxy' }],
    ['households by name', 'households.list', { q: '王秀' }],
    ['households by 低保证号', 'households.list', { q: '01234' }],
    ['households, 特困', 'households.list', { hardship: '特困' }],
    ['applications, first page', 'cardApplications.list', {}],
    ['applications by name', 'cardApplications.list', { q: '李明' }],
    ['cards, all', 'cards.list', {}],
    ['cards, active', 'cards.list', { list: 'active' }],
    ['cards, active page 100', 'cards.list', { list: 'active', offset: 5_000 }],
    ['cards, expired', 'cards.list', { list: 'expired' }],
    ['cards, reviewDue', 'cards.list', { list: 'reviewDue' }],
    ['cards, revoked', 'cards.list', { list: 'revoked' }],
    ['cards by number', 'cards.list', { q: '10000123' }],
    ['cards by name', 'cards.list', { q: 'zxy' }],
  ];

  it(`answers each list page within ${BUDGET_MS} ms`, async () => {
    const results: string[] = [];
    for (const [label, method, input] of cases) {
      const ms = await timed(method, input as Input<typeof method>);
      results.push(`${label.padEnd(28)} ${ms.toFixed(1)} ms`);
      expect(ms, label).toBeLessThan(BUDGET_MS);
    }
    console.log(results.join('\n'));
  });
});
