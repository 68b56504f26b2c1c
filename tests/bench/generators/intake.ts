import { addDays, isWorkingDay } from '../../../shared/rules/workdays';
import { shanghaiDate } from '../../../shared/rules/time';
import { fillIntakeHistory, loadIntakeWorld, type HistoryPlan, type IntakeCounts } from '../../../electron/backend/cli/fictional/intake';
import { randomGivenName, randomSurname } from '../../../electron/backend/cli/fictional/names';
import { Rng } from '../../../electron/backend/cli/fictional/prng';
import type { Db } from '../../../electron/backend/db/open';
import { newId } from '../../../electron/backend/db/ids';
import { hashSecretSync } from '../../../electron/backend/services/accounts/password';
import { insertUser } from '../../../electron/backend/services/accounts/users';
import { ensureCalendarSeeded, loadCalendar } from '../../../electron/backend/services/catalogue/calendar';
import { saveService, type ServiceFields } from '../../../electron/backend/services/catalogue/services';
import { saveStaff } from '../../../electron/backend/services/catalogue/staff';
import { saveStation } from '../../../electron/backend/services/catalogue/stations';
import { DEFAULT_RULES, setRules } from '../../../electron/backend/services/queue/rules';
import type { DatasetGenerator } from './types';

const COUNTERS = 8;
const WINDOW_SHARE = 0.4;

export interface IntakeSize {
  years: number;
  tickets: number;
  /** Requests by phone, grid, station and county; with 40 % of served tickets opening one at the window. */
  otherRequests: number;
}
/** Just over a million requests in all. */
export const FULL_SIZE: IntakeSize = { years: 10, tickets: 1_500_000, otherRequests: 480_000 };

/** A hall with eight counters; time limits from 0 (on the spot) to 15 working days. [fields, share of visits] */
const SERVICES: [Omit<ServiceFields, 'stationIds' | 'active'>, number][] = [
  [{ prefix: 'A', category: '社会保障', name: '社保医保', defaultMode: 'immediate', timeLimitDays: 3, counters: [1, 2], needsAppointment: false }, 22],
  [{ prefix: 'B', category: '民政服务', name: '民政救助', defaultMode: 'assigned', timeLimitDays: 15, counters: [3], needsAppointment: false }, 9],
  [{ prefix: 'C', category: '为老服务', name: '老年服务', defaultMode: 'homevisit', timeLimitDays: 5, counters: [4], needsAppointment: false }, 12],
  [{ prefix: 'D', category: '就业服务', name: '就业创业', defaultMode: 'onsite', timeLimitDays: 7, counters: [5], needsAppointment: true }, 8],
  [{ prefix: 'E', category: '法律服务', name: '法律咨询', defaultMode: 'onsite', timeLimitDays: 10, counters: [6], needsAppointment: true }, 6],
  [{ prefix: 'F', category: '党建服务', name: '党员服务', defaultMode: 'immediate', timeLimitDays: 2, counters: [7], needsAppointment: false }, 5],
  [{ prefix: 'G', category: '综合服务', name: '证明开具', defaultMode: 'immediate', timeLimitDays: 0, counters: [1, 2], needsAppointment: false }, 25],
  [{ prefix: 'H', category: '公益服务', name: '爱心超市', defaultMode: 'immediate', timeLimitDays: 1, counters: [8], needsAppointment: false }, 13],
];
const STATIONS = ['东湖驿站', '西苑驿站', '南山驿站', '北岸驿站', '翠竹驿站', '桂花驿站', '明月驿站', '滨河驿站'];
const STAFF = 24;
/** Desk and duty accounts (the bench admin is one more); the duty ones are staff members too. */
const DESK_USERS = 8;
const DUTY_USERS = 3;

/** Stations, services, staff and the accounts that worked the desk over the ten years. */
function fillIntakeCatalogue(db: Db, rng: Rng, now: number): void {
  const hours = { open: '08:00', close: '20:00' };
  const week = { '1': hours, '2': hours, '3': hours, '4': hours, '5': hours, '6': hours, '7': hours };
  const stationIds = STATIONS.map((name, i) => saveStation(db, undefined, { name, address: `幸福路${i * 12 + 3}号`, hours: week, closedDates: [], active: true }, now));
  SERVICES.forEach(([s], i) => saveService(db, undefined, { ...s, stationIds: i % 3 === 2 ? stationIds.slice(0, 3) : [], active: true }, now));
  const name = () => {
    const gender = rng.chance(0.6) ? 'F' : 'M';
    return randomSurname(rng) + randomGivenName(rng, gender, rng.int(1965, 1998));
  };
  const roles = ['社工', '网格员', '网格员', '前台', '志愿者'];
  const staff = Array.from({ length: STAFF }, (_, i) => {
    const n = name();
    return { id: saveStaff(db, undefined, { name: n, roles: [roles[i % roles.length]!], stationIds: [stationIds[i % stationIds.length]!], active: true }, now), name: n };
  });
  // One hash for every generated account: scrypt costs ~0.1 s each, and nobody logs in as them.
  const hash = hashSecretSync(`bench-desk-${rng.int(1000, 9999)}`);
  for (let i = 0; i < DESK_USERS + DUTY_USERS; i++) {
    const duty = i >= DESK_USERS;
    const linked = duty ? staff[i - DESK_USERS]! : null;
    insertUser(
      db,
      { id: newId(), username: duty ? `duty${i - DESK_USERS + 1}` : `desk${i + 1}`, displayName: linked?.name ?? name(), role: duty ? 'duty' : 'desk', passwordHash: hash, staffId: linked?.id ?? null },
      now,
    );
  }
}

/** Visits per working day: growing over the years, busiest on Mondays, quieter on 调休 Saturdays. */
function volumes(days: string[], rng: Rng, size: IntakeSize): { tickets: number[]; other: number[] } {
  const weekday = [0, 1.2, 1.05, 1, 0.95, 0.9, 0.75, 0.75];
  const factors = days.map((d, i) => (0.75 + (0.5 * i) / days.length) * weekday[new Date(`${d}T00:00:00Z`).getUTCDay() || 7]! * (0.85 + 0.3 * rng.next()));
  const sum = factors.reduce((a, b) => a + b, 0);
  return { tickets: factors.map((f) => Math.round((size.tickets * f) / sum)), other: factors.map((f) => Math.round((size.otherRequests * f) / sum)) };
}

/** Working days of the ten years before today (today is left fresh for the queue benchmarks). */
function historyDays(today: string, years: number, isWorking: (d: string) => boolean): string[] {
  const days: string[] = [];
  for (let d = addDays(today, -Math.round(years * 365.25)); d < today; d = addDays(d, 1)) if (isWorking(d)) days.push(d);
  return days;
}

const INTAKE_TABLES = ['tickets', 'ticket_events', 'requests', 'request_steps'];

/**
 * Drops the tables' declared indexes (not the unique ones behind constraints), runs `fill`, and
 * creates them again from their own SQL: sorting once is far faster than ten million insertions.
 */
export function withIndexesBuiltAfter<T>(db: Db, tables: string[], fill: () => T): T {
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  const result = fill();
  for (const i of indexes) db.exec(i.sql);
  return result;
}

/** The catalogue and `size` of queue and request history ending yesterday; call inside a transaction. */
export function fillBenchIntake(db: Db, now: number, size: IntakeSize): Record<string, number> {
  const rng = new Rng(10_000_301);
  const today = shanghaiDate(now);
  ensureCalendarSeeded(db);
  const calendar = loadCalendar(db);
  setRules(db, { ...DEFAULT_RULES, counterCount: COUNTERS });
  fillIntakeCatalogue(db, rng, now);
  const world = loadIntakeWorld(db, today, { calendar, counterCount: COUNTERS, weights: Object.fromEntries(SERVICES.map(([s, w]) => [s.prefix, w])) });
  const days = historyDays(today, size.years, (d) => isWorkingDay(d, calendar));
  const vol = volumes(days, rng, size);
  const recent = addDays(today, -60);
  const plan: HistoryPlan = {
    days,
    volume: (_day, i) => ({ tickets: vol.tickets[i]!, otherRequests: vol.other[i]! }),
    windowRequestShare: WINDOW_SHARE,
    // A few recent ones stuck with nobody chasing them: the overdue list is never empty.
    keepOpen: (q, r) => q.dueDate < today && q.receivedDay >= recent && r.chance(0.02),
    progress: (done, c) => {
      if (done % 250 === 0) console.error(`    intake: ${done}/${days.length} days, ${c.requests} requests, ${Math.round((Date.now() - started) / 1000)} s`);
    },
  };
  const started = Date.now();
  // Ten million rows: a bigger page cache for the run, and the secondary indexes built once at the end.
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -524288');
  try {
    const counts: IntakeCounts = withIndexesBuiltAfter(db, INTAKE_TABLES, () => fillIntakeHistory(db, rng, world, plan, now));
    return { services: SERVICES.length, workingDays: days.length, ...counts };
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

export const intakeGenerator: DatasetGenerator = {
  name: 'intake',
  version: 1,
  run: (db, now) => fillBenchIntake(db, now, FULL_SIZE),
};
