import type { Input, Method, Output } from '../../../../shared/contract';
import { makeRotaFixture, shanghai } from '../rota/testFixture';

export { shanghai };

/** 'HH:mm' or 'HH:mm:ss' in Shanghai on a date. */
const instant = (day: string, time: string) => Date.parse(`${day}T${time.length === 5 ? `${time}:00` : time}+08:00`);

export const DAY = '2026-09-28';

/**
 * The rota fixture (东湖 morning 08–12 and evening 17–21, 西苑 day 10–16; five staff with PINs
 * 1001…1005) with a duty PC's session: `punch` calls as the station's machine at a set time.
 */
export async function makeDutyFixture() {
  const f = await makeRotaFixture();
  let duty = await f.t.loginAs('duty');
  /** Moves the clock; both sessions are signed in again (a jump would lock them). */
  const at = async (hhmm: string, day = DAY) => {
    await f.setNow(instant(day, hhmm));
    duty = await f.t.loginAs('duty');
  };
  const asDuty = <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => f.t.ok(duty, method, input);
  const dutyErr = (method: Method, input: unknown) => f.err(method, input, duty);
  const plan = (staff: number, shiftId: string, day = DAY) => f.ok('rota.assign', { day, shiftId, staffId: f.staff[staff]! });
  const byPin = (staff: number, stationId = f.east) => ({ stationId, staffId: f.staff[staff]!, pin: f.pin(staff) });
  return { ...f, at, asDuty, dutyErr, plan, byPin };
}
export type DutyFixture = Awaited<ReturnType<typeof makeDutyFixture>>;
