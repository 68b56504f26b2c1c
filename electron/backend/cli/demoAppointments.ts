import type { WeekHours } from '../../../shared/rules/stationDay';
import { addDays } from '../../../shared/rules/workdays';
import type { Db } from '../db/open';
import { newId } from '../db/ids';
import { loadCalendar } from '../services/catalogue/calendar';
import { saveService } from '../services/catalogue/services';
import { localNow, instantOf } from '../services/appointments/clock';
import { getOffer } from '../services/appointments/offer';
import { offerDay, slotStarts } from '../services/appointments/schedule';
import { saveStationService } from '../services/appointments/stationServices';
import { Rng } from './fictional/prng';

const SEED = 20_261_206;
const DAYS_BACK = 60;
const DAYS_AHEAD = 14;

const range = (open: string, close: string) => ({ open, close });
const days = (list: string, r: { open: string; close: string }): WeekHours =>
  Object.fromEntries(list.split('').map((d) => [d, r])) as WeekHours;

/** Station-side services booked by appointment (the catalogue's 法律咨询 E already is one). */
const NEW_SERVICES = [
  { prefix: 'J', category: '便民服务', name: '理发' },
  { prefix: 'K', category: '党建服务', name: '民情恳谈' },
  { prefix: 'M', category: '卫生健康', name: '健康测量' },
];

/** What stations (by index in the demo catalogue) offer: slot length, capacity, the hours of the offer. */
const OFFERS: { service: string; stations: number[]; slotMinutes: number; capacity: number; hours: WeekHours; fill: number }[] = [
  { service: '理发', stations: [0, 2, 5, 7], slotMinutes: 20, capacity: 1, hours: days('123456', range('09:00', '11:40')), fill: 0.7 },
  { service: '法律咨询', stations: [1, 8], slotMinutes: 30, capacity: 1, hours: days('24', range('14:00', '17:00')), fill: 0.6 },
  { service: '民情恳谈', stations: [0, 1], slotMinutes: 120, capacity: 20, hours: days('3', range('19:00', '21:00')), fill: 0.5 },
  { service: '健康测量', stations: [3, 4, 6], slotMinutes: 15, capacity: 2, hours: days('12345', range('08:30', '10:30')), fill: 0.45 },
];

const OUTCOMES: Record<string, string[]> = {
  理发: ['已理发', '已理发，老人满意', '已理发并修面'],
  法律咨询: ['已解答赡养纠纷问题', '已解答继承问题，建议带材料再来', '已协助起草租房合同', '已转介法律援助中心'],
  民情恳谈: ['参加恳谈，提了加装电梯的意见', '参加恳谈', '参加恳谈，反映楼道照明问题'],
  健康测量: ['血压 132/85，正常', '血压偏高 150/95，建议就医', '血糖 6.1，正常', '血压 118/76，正常'],
};
const NOTES = ['需要轮椅', '家属陪同', '听力不好，请大声', '行动不便，请安排一楼'];
const CANCEL_REASONS = ['居民来电说身体不适', '家里有事', '已在别处办好', '天气不好不便出门'];

interface Writer {
  insert: { run(...args: unknown[]): unknown };
  event: { run(...args: unknown[]): unknown };
  /** The duty worker who checks residents in and completes them (the demo's zhiban). */
  duty: { id: string | null; name: string };
}

/**
 * The demo's appointments: the new station services above, two months of past bookings (mostly
 * completed, some no-shows and cancellations) and the next two weeks booked, tomorrow's included for
 * the call list; residents never in two places at once, places never over capacity, holidays and
 * 调休 as the calendar says. Call inside the demo's transaction, after the community and accounts.
 */
export function fillDemoAppointments(db: Db, now: number): { offers: number; appointments: number } {
  const rng = new Rng(SEED);
  for (const s of NEW_SERVICES) {
    saveService(db, undefined, { ...s, defaultMode: 'onsite', timeLimitDays: 1, counters: [], stationIds: [], needsAppointment: true, active: true }, now);
  }
  const stations = (db.prepare('SELECT id FROM stations ORDER BY rowid').all() as { id: string }[]).map((s) => s.id);
  const serviceId = (name: string) => (db.prepare('SELECT id FROM services WHERE name = ?').get(name) as { id: string }).id;
  const desk = db.prepare(`SELECT id, display_name FROM users WHERE username = 'qiantai'`).get() as { id: string; display_name: string };
  const residents = (db.prepare('SELECT id FROM residents WHERE voided_at IS NULL ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
  const calendar = loadCalendar(db);
  const { today } = localNow(now);
  const w: Writer = {
    insert: db.prepare(
      `INSERT INTO appointments (id, number, station_service_id, station_id, service_id, resident_id, day, start_minute, end_minute, status, note,
         outcome, cancel_reason, reminded_at, reminded_by, booked_by, booked_at, checked_in_at, finished_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: db.prepare(`INSERT INTO appointment_events (appointment_id, at, action, status, user_id, user_name, note) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    duty: (() => {
      const u = db.prepare(`SELECT id, display_name FROM users WHERE username = 'zhiban'`).get() as { id: string; display_name: string } | undefined;
      return { id: u?.id ?? null, name: u?.display_name ?? desk.display_name };
    })(),
  };
  const numbers = new Map<string, number>();
  const busy = new Set<string>(); // resident|day: one booking a day each keeps residents from overlapping
  let offers = 0;
  let appointments = 0;
  for (const o of OFFERS) {
    for (const index of o.stations) {
      const id = saveStationService(
        db,
        undefined,
        { stationId: stations[index]!, serviceId: serviceId(o.service), slotMinutes: o.slotMinutes, capacity: o.capacity, hours: o.hours, active: true },
        now,
      );
      offers++;
      const offer = getOffer(db, id);
      for (let day = addDays(today, -DAYS_BACK); day <= addDays(today, DAYS_AHEAD); day = addDays(day, 1)) {
        const open = offerDay(offer, calendar, day);
        if (!open.open) continue;
        const ahead = day > today ? (day === addDays(today, 1) ? 0.9 : Math.max(0.15, o.fill - 0.04 * (Date.parse(day) - Date.parse(today)) / 86_400_000)) : o.fill;
        for (const start of slotStarts(open.hours, o.slotMinutes)) {
          const slotAt = instantOf(day, start);
          for (let place = 0; place < o.capacity; place++) {
            if (!rng.chance(ahead)) continue;
            const residentId = rng.pick(residents);
            if (busy.has(`${residentId}|${day}`)) continue;
            // Bookings made for today's slots that have not started, or for days to come, stay booked.
            if (slotAt <= now && day === today && now - slotAt < 15 * 60_000) continue;
            busy.add(`${residentId}|${day}`);
            const mmdd = `${day.slice(5, 7)}${day.slice(8, 10)}`;
            const seq = (numbers.get(mmdd) ?? 0) + 1;
            numbers.set(mmdd, seq);
            const bookedAt = Math.min(now - 60_000, slotAt - rng.int(1, 10) * 86_400_000 - rng.int(0, 480) * 60_000);
            writeOne(w, rng, {
              id: newId(),
              number: `Y${mmdd}-${seq}`,
              offer: { id, stationId: offer.stationId, serviceId: offer.serviceId, service: o.service },
              residentId,
              day,
              start,
              end: start + o.slotMinutes,
              slotAt,
              bookedAt,
              past: slotAt <= now,
              desk,
              now,
            });
            appointments++;
          }
        }
      }
    }
  }
  return { offers, appointments };
}

function writeOne(
  w: Writer,
  rng: Rng,
  a: {
    id: string;
    number: string;
    offer: { id: string; stationId: string; serviceId: string; service: string };
    residentId: string;
    day: string;
    start: number;
    end: number;
    slotAt: number;
    bookedAt: number;
    past: boolean;
    desk: { id: string; display_name: string };
    now: number;
  },
): void {
  const status = a.past
    ? rng.weighted([
        ['completed', 78],
        ['no_show', 10],
        ['cancelled', 12],
      ] as const)
    : rng.chance(0.06)
      ? 'cancelled'
      : 'booked';
  const note = rng.chance(0.12) ? rng.pick(NOTES) : null;
  const checkedIn = status === 'completed' ? a.slotAt - rng.int(0, 10) * 60_000 : null;
  const finished =
    status === 'completed'
      ? a.slotAt + (a.end - a.start) * 60_000
      : status === 'no_show'
        ? a.slotAt + 15 * 60_000
        : status === 'cancelled'
          ? Math.min(a.now - 60_000, a.bookedAt + rng.int(1, 48) * 3_600_000, a.slotAt - 3 * 3_600_000)
          : null;
  const outcome = status === 'completed' ? rng.pick(OUTCOMES[a.offer.service]!) : null;
  const reason = status === 'cancelled' ? rng.pick(CANCEL_REASONS) : null;
  const reminded = status !== 'cancelled' && a.slotAt - a.bookedAt > 86_400_000 && (a.past || a.slotAt - a.now < 86_400_000 * 0.5) && rng.chance(0.6);
  const remindedAt = reminded ? Math.min(a.now - 60_000, a.slotAt - 20 * 3_600_000) : null;
  w.insert.run(
    a.id,
    a.number,
    a.offer.id,
    a.offer.stationId,
    a.offer.serviceId,
    a.residentId,
    a.day,
    a.start,
    a.end,
    status,
    note,
    outcome,
    reason,
    remindedAt,
    reminded ? a.desk.id : null,
    a.desk.id,
    a.bookedAt,
    checkedIn,
    finished,
    finished ?? a.bookedAt,
  );
  w.event.run(a.id, a.bookedAt, 'booked', 'booked', a.desk.id, a.desk.display_name, note);
  if (remindedAt !== null) w.event.run(a.id, remindedAt, 'reminded', 'booked', a.desk.id, a.desk.display_name, null);
  if (status === 'completed') {
    w.event.run(a.id, checkedIn, 'checkedIn', 'checked_in', w.duty.id, w.duty.name, null);
    w.event.run(a.id, finished, 'completed', 'completed', w.duty.id, w.duty.name, outcome);
  } else if (status === 'no_show') {
    w.event.run(a.id, finished, 'autoNoShow', 'no_show', null, '系统', null);
  } else if (status === 'cancelled') {
    w.event.run(a.id, finished, 'cancelled', 'cancelled', a.desk.id, a.desk.display_name, reason);
  }
}
