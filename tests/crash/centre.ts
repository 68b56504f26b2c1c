import type { Input, Method, Output } from '../../shared/contract';
import { shanghaiDate } from '../../shared/rules/time';
import { makeTestCard } from '../../electron/backend/services/cards/testCards';
import { makeTestBackend, PASSWORD } from '../../electron/backend/testSupport';

/** A card the till loop buys with; `capFen` null = no monthly cap. */
export interface CrashCard {
  cardNo: string;
  code: string;
  percent: number;
  capFen: number | null;
  delivery: boolean;
}

/** What the write loops need to know about the centre they write to. */
export interface CrashCentre {
  dataDir: string;
  password: string;
  serviceId: string;
  stationId: string;
  cards: CrashCard[];
  /** Staff with their badge codes: the duty loop checks them in and out by badge. */
  staff: { id: string; badge: string }[];
}

const OPEN = { open: '00:00', close: '23:59' };

/**
 * A fresh centre in a fresh folder, made once before the first round with the real services (the
 * same calls the admin makes): a walk-in service, a station with four staff and their badges, three
 * cards (no cap, a small cap the loop reaches, a delivery card), and a desk, a duty and a partner
 * account. Closed cleanly afterwards: from then on only the web host opens the folder; the caller
 * removes it.
 */
export async function makeCrashCentre(): Promise<CrashCentre> {
  const t = await makeTestBackend();
  t.clock.t = Date.now();
  t.admin.sessionId = null;
  await t.ok(t.admin, 'session.login', { username: 'admin', password: PASSWORD });
  const ok = <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => t.ok(t.admin, method, input);
  try {
    const service = await ok('services.save', { category: '民政', name: '低保咨询', prefix: 'A', defaultMode: 'immediate', timeLimitDays: 5 });
    const days = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, OPEN]));
    const station = await ok('stations.save', { name: '东湖驿站', address: '东湖路1号', hours: days });
    const staff: CrashCentre['staff'] = [];
    for (const name of ['甲一', '乙二', '丙三', '丁四']) {
      const s = await ok('staff.save', { name, roles: ['网格员'], stationIds: [station.id] });
      staff.push({ id: s.id, badge: (await ok('duty.badge', { staffId: s.id })).code });
    }
    for (const role of ['desk', 'duty', 'partner'] as const) await t.loginAs(role);
    const validFrom = `${shanghaiDate(t.clock.now()).slice(0, 7)}-01`;
    const specs = [
      { name: '张小芳', percent: 10, capFen: null, delivery: false },
      { name: '李大山', percent: 15, capFen: 30_000, delivery: false },
      { name: '王秀英', percent: 20, capFen: null, delivery: true },
    ];
    const cards: CrashCard[] = [];
    for (const s of specs) {
      const c = await makeTestCard(t, { name: s.name, benefit: { kind: 'percent', value: s.percent }, monthlyCapFen: s.capFen, delivery: s.delivery, validFrom });
      cards.push({ cardNo: c.cardNo, code: c.code, percent: s.percent, capFen: s.capFen, delivery: s.delivery });
    }
    return { dataDir: t.dir, password: PASSWORD, serviceId: service.id, stationId: station.id, cards, staff };
  } finally {
    // Closed (checkpointed), not removed: the folder is the one the rounds run on.
    t.backend.close();
  }
}
