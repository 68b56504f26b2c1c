import { Rng } from '../../../electron/backend/cli/fictional/prng';
import { newId } from '../../../electron/backend/db/ids';
import type { Db } from '../../../electron/backend/db/open';
import { instantOf } from '../../../electron/backend/services/appointments/clock';
import { getOffer } from '../../../electron/backend/services/appointments/offer';
import { offerDay, slotStarts } from '../../../electron/backend/services/appointments/schedule';
import { saveStationService } from '../../../electron/backend/services/appointments/stationServices';
import { loadCalendar } from '../../../electron/backend/services/catalogue/calendar';
import { saveService } from '../../../electron/backend/services/catalogue/services';
import { listStations, saveStation } from '../../../electron/backend/services/catalogue/stations';
import type { WeekHours } from '../../../shared/rules/stationDay';
import { shanghaiDate } from '../../../shared/rules/time';
import { addDays } from '../../../shared/rules/workdays';
import type { DatasetGenerator } from './types';

export const APPOINTMENT_STATIONS = 12;
const DAYS_BACK = 760;
const DAYS_AHEAD = 30;

const week = (list: string, open: string, close: string): WeekHours => Object.fromEntries(list.split('').map((d) => [d, { open, close }])) as WeekHours;

/** Every station offers all four: 218 places a week each. */
const OFFERS: { name: string; category: string; slotMinutes: number; capacity: number; hours: WeekHours }[] = [
  { name: '理发', category: '便民服务', slotMinutes: 20, capacity: 1, hours: week('123456', '09:00', '11:40') },
  { name: '法律咨询', category: '法律服务', slotMinutes: 30, capacity: 1, hours: week('12345', '14:00', '17:00') },
  { name: '健康测量', category: '卫生健康', slotMinutes: 15, capacity: 2, hours: week('12345', '08:30', '11:30') },
  { name: '民情恳谈', category: '党建服务', slotMinutes: 120, capacity: 20, hours: week('3', '19:00', '21:00') },
];

function serviceIdOf(db: Db, name: string, category: string, now: number): string {
  const found = db.prepare('SELECT id FROM services WHERE name = ? AND active = 1').get(name) as { id: string } | undefined;
  if (found) return found.id;
  const taken = new Set((db.prepare('SELECT prefix FROM services WHERE active = 1').all() as { prefix: string }[]).map((r) => r.prefix));
  const prefix = 'JKMNPQRSTUVWXYZ'.split('').find((p) => !taken.has(p))!;
  return saveService(db, undefined, { name, category, prefix, defaultMode: 'onsite', timeLimitDays: 1, counters: [], stationIds: [], needsAppointment: true, active: true }, now);
}

function stationIds(db: Db, now: number): string[] {
  const open = { open: '08:00', close: '21:00' };
  let stations = listStations(db).filter((s) => s.active);
  for (let i = 0; stations.length < APPOINTMENT_STATIONS; i++) {
    saveStation(db, undefined, { name: `预约驿站${i + 1}`, address: `幸福路${i * 3 + 1}号`, hours: week('1234567', open.open, open.close), closedDates: [], active: true }, now);
    stations = listStations(db).filter((s) => s.active);
  }
  return stations.slice(0, APPOINTMENT_STATIONS).map((s) => s.id);
}

/**
 * Two years of station appointments up to a month ahead at twelve stations, four services each,
 * written straight to the tables (the booking rules hold: capacity per slot, one booking per
 * resident a day, open days only): ≈ 230,000 appointments, mostly completed, some no-shows and
 * cancellations, the days to come booked.
 */
export function fillBenchAppointments(db: Db, now: number): Record<string, number> {
  const rng = new Rng(10_000_601);
  const calendar = loadCalendar(db);
  const today = shanghaiDate(now);
  const residents = (db.prepare('SELECT id FROM residents WHERE voided_at IS NULL').all() as { id: string }[]).map((r) => r.id);
  const booker = db.prepare(`SELECT id, display_name FROM users WHERE role IN ('desk', 'admin') ORDER BY role DESC LIMIT 1`).get() as { id: string; display_name: string };
  const insert = db.prepare(
    `INSERT INTO appointments (id, number, station_service_id, station_id, service_id, resident_id, day, start_minute, end_minute, status,
       outcome, cancel_reason, booked_by, booked_at, checked_in_at, finished_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = db.prepare(`INSERT INTO appointment_events (appointment_id, at, action, status, user_id, user_name, note) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const numbers = new Map<string, number>(
    (db.prepare(`SELECT substr(number, 1, 5) p, count(*) n FROM appointments GROUP BY p`).all() as { p: string; n: number }[]).map((r) => [r.p, r.n]),
  );
  const busy = new Set<string>();
  const counts = { stations: 0, offers: 0, appointments: 0, completed: 0, noShow: 0, cancelled: 0, booked: 0 };
  const write = (offer: ReturnType<typeof getOffer>, day: string, start: number, status: string) => {
    let residentId = rng.pick(residents);
    for (let tries = 0; busy.has(`${residentId}|${day}`) && tries < 5; tries++) residentId = rng.pick(residents);
    if (busy.has(`${residentId}|${day}`)) return;
    if (status !== 'cancelled') busy.add(`${residentId}|${day}`);
    const prefix = `Y${day.slice(5, 7)}${day.slice(8, 10)}`;
    const seq = (numbers.get(prefix) ?? 0) + 1;
    numbers.set(prefix, seq);
    const slotAt = instantOf(day, start);
    const bookedAt = Math.min(now - 60_000, slotAt - rng.int(1, 14) * 86_400_000);
    const end = start + offer.slotMinutes;
    const finished = status === 'completed' ? slotAt + offer.slotMinutes * 60_000 : status === 'no_show' ? slotAt + 15 * 60_000 : status === 'cancelled' ? bookedAt + 3_600_000 : null;
    const id = newId();
    insert.run(
      id,
      `${prefix}-${seq}`,
      offer.id,
      offer.stationId,
      offer.serviceId,
      residentId,
      day,
      start,
      end,
      status,
      status === 'completed' ? '已办结' : null,
      status === 'cancelled' ? '居民来电取消' : null,
      booker.id,
      bookedAt,
      status === 'completed' ? slotAt : null,
      finished,
      finished ?? bookedAt,
    );
    event.run(id, bookedAt, 'booked', 'booked', booker.id, booker.display_name, null);
    if (status === 'completed') event.run(id, finished, 'completed', 'completed', booker.id, booker.display_name, '已办结');
    else if (status === 'no_show') event.run(id, finished, 'autoNoShow', 'no_show', null, '系统', null);
    else if (status === 'cancelled') event.run(id, finished, 'cancelled', 'cancelled', booker.id, booker.display_name, '居民来电取消');
    counts.appointments++;
    counts[status === 'no_show' ? 'noShow' : (status as 'completed' | 'cancelled' | 'booked')]++;
  };
  const stations = stationIds(db, now);
  counts.stations = stations.length;
  for (const o of OFFERS) {
    const serviceId = serviceIdOf(db, o.name, o.category, now);
    for (const stationId of stations) {
      const exists = db.prepare('SELECT id FROM station_services WHERE station_id = ? AND service_id = ?').get(stationId, serviceId) as { id: string } | undefined;
      const id = exists?.id ?? saveStationService(db, undefined, { stationId, serviceId, slotMinutes: o.slotMinutes, capacity: o.capacity, hours: o.hours, active: true }, now);
      counts.offers++;
      const offer = getOffer(db, id);
      for (let day = addDays(today, -DAYS_BACK); day <= addDays(today, DAYS_AHEAD); day = addDays(day, 1)) {
        const open = offerDay(offer, calendar, day);
        if (!open.open) continue;
        const ahead = day <= today ? 0.82 : Math.max(0.2, 0.8 - (0.02 * (Date.parse(day) - Date.parse(today))) / 86_400_000);
        for (const start of slotStarts(open.hours, o.slotMinutes)) {
          const past = instantOf(day, start) + 15 * 60_000 <= now;
          for (let place = 0; place < o.capacity; place++) {
            if (rng.chance(past ? 0.1 : 0.04)) write(offer, day, start, 'cancelled');
            if (!rng.chance(ahead)) continue;
            write(offer, day, start, past ? (rng.chance(0.9) ? 'completed' : 'no_show') : 'booked');
          }
        }
      }
    }
  }
  return counts;
}

export const appointmentsGenerator: DatasetGenerator = {
  name: 'appointments',
  version: 1,
  run: (db, now) => fillBenchAppointments(db, now),
};
