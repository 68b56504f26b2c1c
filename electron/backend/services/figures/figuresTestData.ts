import { CHANNELS, HANDLING_MODES } from '../../../../shared/contract';
import { addDays } from '../../../../shared/rules/workdays';
import { Rng } from '../../cli/fictional/prng';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';

/**
 * Tickets and requests written straight into the tables (no service calls), for the figures tests
 * and their timing: every status, transfers, returned no-shows, reopened and voided requests,
 * feedback of each kind, requests without a grid, days with nothing at all.
 */
export interface IntakeSeed {
  seed: number;
  firstDay: string;
  days: number;
  /** Mean per open day; a day gets between half and one and a half times this. */
  ticketsPerDay: number;
  requestsPerDay: number;
  /** The last day anything can have happened on (the test clock's day). */
  today: string;
}

export interface SeededIntake {
  serviceIds: string[];
  userIds: string[];
  gridIds: string[];
}

const DAY_MS = 86_400_000;
const MIN = 60_000;
/** 08:30 in Shanghai on that day. */
const openingAt = (day: string) => Date.parse(day) + 30 * MIN;

function seedMasterData(db: Db, rng: Rng): SeededIntake {
  const now = Date.parse('2020-01-01');
  const serviceIds: string[] = [];
  const insertService = db.prepare(
    `INSERT INTO services (id, category, name, prefix, default_mode, time_limit_days, active, created_at, updated_at)
     VALUES (?, '民生', ?, ?, 'immediate', ?, ?, ?, ?)`,
  );
  [
    ['A', '社保医保'],
    ['B', '民政救助'],
    ['C', '证明开具'],
    ['D', '法律咨询'],
    ['E', '旧业务（已停用）'],
  ].forEach(([prefix, name], i) => {
    const id = newId();
    insertService.run(id, name, prefix, 3 + i, i === 4 ? 0 : 1, now, now);
    serviceIds.push(id);
  });

  const userIds = (db.prepare('SELECT id FROM users').all() as { id: string }[]).map((u) => u.id);
  const insertUser = db.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, 'desk', 'x', ?, ?)`,
  );
  ['王丽', '李强', '赵敏', '陈晨'].forEach((name, i) => {
    const id = newId();
    insertUser.run(id, `figures${i}-${rng.int(0, 1e9)}`, name, now, now);
    userIds.push(id);
  });

  const insertNode = db.prepare(
    `INSERT INTO grid_nodes (id, parent_id, kind, name, sort, created_at, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const gridIds: string[] = [];
  for (const [a, area] of ['东片区', '西片区'].entries()) {
    const areaId = newId();
    insertNode.run(areaId, null, 'area', area, a, now, null);
    for (let g = 1; g <= 2; g++) {
      const id = newId();
      // A removed grid keeps its name in the figures of the days it had requests.
      insertNode.run(id, areaId, 'grid', `第${g}网格`, g, now, a === 1 && g === 2 ? now : null);
      gridIds.push(id);
    }
  }
  return { serviceIds, userIds, gridIds };
}

export function seedIntake(db: Db, o: IntakeSeed): SeededIntake {
  const rng = new Rng(o.seed);
  const master = seedMasterData(db, rng);
  const { serviceIds, userIds, gridIds } = master;

  const insertTicket = db.prepare(
    `INSERT INTO tickets (id, day, service_id, issued_service_id, seq, number, class, source, status, counter,
       issued_at, queued_at, first_called_at, called_at, call_count, finished_at, served_by, returned)
     VALUES (?, ?, ?, ?, ?, ?, 'ordinary', 'kiosk', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRequest = db.prepare(
    `INSERT INTO requests (id, number, grid_id, service_id, channel, description, mode, status, received_at, received_day,
       received_by, due_date, resolved_at, resolved_day, satisfaction, feedback_at, closed_at, reopen_count, void_reason,
       voided_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  let requestNo = 0;
  for (let d = 0; d < o.days; d++) {
    const day = addDays(o.firstDay, d);
    if (day > o.today) break;
    // Sundays are closed: a day with nothing, which the daily series must still show as zeros.
    if (new Date(Date.parse(day)).getUTCDay() === 0) continue;
    const isToday = day === o.today;
    const seqs = new Map<string, number>();
    const nTickets = rng.int(Math.floor(o.ticketsPerDay / 2), Math.ceil((o.ticketsPerDay * 3) / 2));
    for (let i = 0; i < nTickets; i++) {
      const issuedFor = rng.pick(serviceIds);
      const service = rng.chance(0.1) ? rng.pick(serviceIds) : issuedFor;
      const seq = (seqs.get(issuedFor) ?? 0) + 1;
      seqs.set(issuedFor, seq);
      // Past days end closed: nothing is still waiting or at a counter except today.
      const status = isToday
        ? rng.weighted([['done', 5], ['noshow', 1], ['waiting', 3], ['called', 2]] as const)
        : rng.weighted([['done', 80], ['noshow', 8], ['unserved', 10], ['waiting', 1], ['called', 1]] as const);
      const issuedAt = openingAt(day) + rng.int(0, 8 * 60 * MIN);
      const wasCalled = status === 'done' || status === 'noshow' || status === 'called' || rng.chance(0.4);
      const firstCalled = wasCalled ? issuedAt + rng.int(0, 75 * MIN) : null;
      const returned = firstCalled !== null && (status === 'waiting' || status === 'unserved' || rng.chance(0.05));
      const calledAt = firstCalled === null ? null : returned ? firstCalled + rng.int(MIN, 30 * MIN) : firstCalled;
      const finishedAt = calledAt !== null && (status === 'done' || status === 'noshow') ? calledAt + rng.int(20_000, 45 * MIN) : null;
      insertTicket.run(
        newId(),
        day,
        service,
        issuedFor,
        seq,
        `${String.fromCharCode(65 + serviceIds.indexOf(issuedFor))}${String(seq).padStart(3, '0')}`,
        status,
        calledAt === null ? null : rng.int(1, 6),
        issuedAt,
        returned && calledAt !== null ? calledAt - MIN : issuedAt,
        firstCalled,
        calledAt,
        firstCalled === null ? 0 : returned ? 2 : 1,
        finishedAt,
        status === 'done' ? rng.pick(userIds) : null,
        returned ? 1 : 0,
      );
    }

    const nRequests = rng.int(Math.floor(o.requestsPerDay / 2), Math.ceil((o.requestsPerDay * 3) / 2));
    for (let i = 0; i < nRequests; i++) {
      const receivedAt = openingAt(day) + rng.int(0, 8 * 60 * MIN);
      const dueDate = addDays(day, rng.int(0, 20));
      let status = rng.weighted([['received', 6], ['assigned', 6], ['in_progress', 10], ['resolved', 25], ['closed', 43], ['void', 10]] as const);
      let resolvedDay: string | null = null;
      if (status === 'resolved' || status === 'closed' || (status === 'void' && rng.chance(0.5))) {
        resolvedDay = addDays(day, rng.int(0, 25));
        if (resolvedDay > o.today) {
          resolvedDay = null;
          if (status !== 'void') status = 'in_progress';
        }
      }
      const reopened = status === 'in_progress' && rng.chance(0.3);
      let satisfaction: string | null = null;
      if (reopened) satisfaction = 'unsatisfied';
      else if (status === 'closed') satisfaction = rng.weighted([['satisfied', 75], ['basic', 18], ['unsatisfied', 4], [null, 3]] as const);
      else if (status === 'resolved' || status === 'void') satisfaction = rng.chance(0.2) ? rng.pick(['satisfied', 'basic', 'unsatisfied']) : null;
      const resolvedAt = resolvedDay ? Date.parse(resolvedDay) + rng.int(60 * MIN, 9 * 60 * MIN) : null;
      insertRequest.run(
        newId(),
        `S${String(++requestNo).padStart(8, '0')}`,
        rng.chance(0.15) ? null : rng.pick(gridIds),
        rng.pick(serviceIds),
        rng.pick(CHANNELS),
        '居民反映楼道灯不亮，晚上上下楼不方便，希望尽快维修。',
        rng.pick(HANDLING_MODES),
        status,
        receivedAt,
        day,
        rng.pick(userIds),
        dueDate,
        resolvedAt,
        resolvedDay,
        satisfaction,
        satisfaction && resolvedAt ? resolvedAt + DAY_MS : null,
        status === 'closed' && resolvedAt ? resolvedAt + DAY_MS : null,
        reopened ? 1 : 0,
        status === 'void' ? '重复登记' : null,
        status === 'void' ? receivedAt + DAY_MS : null,
        receivedAt,
      );
    }
  }
  return master;
}
