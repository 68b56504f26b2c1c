import type { Input, Method, Output } from '../../../../shared/contract';
import type { SessionSlot } from '../../context';
import { makeTestBackend, PASSWORD, type TestBackend } from '../../testSupport';

/** 10:00 in Shanghai on a date (the test clock is UTC milliseconds). */
export const shanghaiTen = (date: string): number => Date.parse(`${date}T02:00:00Z`);

export interface RequestsFixture {
  t: TestBackend;
  /** 5 working days, active. */
  serviceId: string;
  inactiveServiceId: string;
  staffId: string;
  otherStaffId: string;
  inactiveStaffId: string;
  gridId: string;
  residentId: string;
  /** A desk account linked to staff `staffId` (display name 王前台). */
  desk: SessionSlot;
  deskUserId: string;
  call(slot: SessionSlot, method: string, input: unknown): ReturnType<TestBackend['backend']['dispatch']>;
  ok<M extends Method>(method: M, input: Input<M>, slot?: SessionSlot): Promise<Output<M>>;
  count(table: 'request_steps' | 'outbox' | 'requests' | 'audit_log'): number;
  /** Moves the clock and signs the admin and the desk in again (a jump forward would lock them as idle). */
  setNow(ms: number): Promise<void>;
}

export async function makeRequestsFixture(): Promise<RequestsFixture> {
  const t = await makeTestBackend();
  const a = t.admin;
  const service = await t.ok(a, 'services.save', { category: '民政', name: '低保咨询', prefix: 'A', defaultMode: 'immediate', timeLimitDays: 5 });
  const inactive = await t.ok(a, 'services.save', { category: '民政', name: '旧事项', prefix: 'Z', defaultMode: 'immediate', timeLimitDays: 3, active: false });
  const staff = await t.ok(a, 'staff.save', { name: '王社工', roles: ['社工'] });
  const other = await t.ok(a, 'staff.save', { name: '李网格员', roles: ['网格员'] });
  const gone = await t.ok(a, 'staff.save', { name: '赵离职', roles: [], active: false });
  const area = await t.ok(a, 'grid.create', { parentId: null, name: '东片区' });
  const grid = await t.ok(a, 'grid.create', { parentId: area.id, name: '第1网格' });
  const building = await t.ok(a, 'grid.create', { parentId: grid.id, name: '3栋' });
  const resident = await t.ok(a, 'residents.create', {
    name: '张小芳',
    gender: 'F',
    phone: '13812345678',
    buildingId: building.id,
    unit: '1',
    room: '302',
  });
  const deskUser = await t.ok(a, 'users.create', { username: 'wang', displayName: '王前台', role: 'desk', password: PASSWORD, staffId: staff.id });
  const desk: SessionSlot = { sessionId: null };
  await t.ok(desk, 'session.login', { username: 'wang', password: PASSWORD });
  return {
    t,
    serviceId: service.id,
    inactiveServiceId: inactive.id,
    staffId: staff.id,
    otherStaffId: other.id,
    inactiveStaffId: gone.id,
    gridId: grid.id,
    residentId: resident.id,
    desk,
    deskUserId: deskUser.id,
    call: (slot, method, input) => t.backend.dispatch(slot, method, input),
    ok: <M extends Method>(method: M, input: Input<M>, slot: SessionSlot = a) => t.ok(slot, method, input),
    async setNow(ms) {
      t.clock.t = ms;
      for (const [slot, username] of [[a, 'admin'], [desk, 'wang']] as const) {
        slot.sessionId = null;
        await t.ok(slot, 'session.login', { username, password: PASSWORD });
      }
    },
    count: (table) => (t.backend.db.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n,
  };
}
