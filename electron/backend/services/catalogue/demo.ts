import type { Db } from '../../db/open';
import { hashSecretSync } from '../accounts/password';
import { saveService, type ServiceFields } from './services';
import { saveStaff, setStaffPinHash } from './staff';
import { saveStation } from './stations';

/* The demo centre's catalogue: all names, addresses and phone numbers are made up. */

const OPEN = { open: '08:00', close: '21:00' };
const EVERY_DAY = { '1': OPEN, '2': OPEN, '3': OPEN, '4': OPEN, '5': OPEN, '6': OPEN, '7': OPEN };
const CLOSED_SUNDAY = { '1': OPEN, '2': OPEN, '3': OPEN, '4': OPEN, '5': OPEN, '6': { open: '09:00', close: '17:00' } };

const STATIONS: { name: string; address: string; closedSundays?: true }[] = [
  { name: '东湖驿站', address: '东湖路18号' },
  { name: '西苑驿站', address: '西苑街6号' },
  { name: '南山驿站', address: '南山大道122号' },
  { name: '北岸驿站', address: '北岸路3号', closedSundays: true },
  { name: '翠竹驿站', address: '翠竹巷9号' },
  { name: '桂花驿站', address: '桂花园小区南门' },
  { name: '清风驿站', address: '清风路77号', closedSundays: true },
  { name: '明月驿站', address: '明月湾社区服务楼一层' },
  { name: '滨河驿站', address: '滨河西路45号' },
  { name: '梧桐驿站', address: '梧桐街21号' },
  { name: '杏林驿站', address: '杏林路2号', closedSundays: true },
  { name: '春晖驿站', address: '春晖小区8栋旁' },
];

/** Station indexes per service: the hall-side ones are served at the centre's counters. */
const SERVICES: (Omit<ServiceFields, 'stationIds' | 'active'> & { stations: number[] })[] = [
  { prefix: 'A', category: '社会保障', name: '社保医保', defaultMode: 'immediate', timeLimitDays: 3, counters: [1, 2], needsAppointment: false, stations: [] },
  { prefix: 'B', category: '民政服务', name: '民政救助', defaultMode: 'assigned', timeLimitDays: 10, counters: [3], needsAppointment: false, stations: [] },
  { prefix: 'C', category: '为老服务', name: '老年服务', defaultMode: 'homevisit', timeLimitDays: 5, counters: [4], needsAppointment: false, stations: [0, 2, 5, 7] },
  { prefix: 'D', category: '就业服务', name: '就业创业', defaultMode: 'onsite', timeLimitDays: 5, counters: [5], needsAppointment: true, stations: [] },
  { prefix: 'E', category: '法律服务', name: '法律咨询', defaultMode: 'onsite', timeLimitDays: 7, counters: [6], needsAppointment: true, stations: [1, 8] },
  { prefix: 'F', category: '党建服务', name: '党员服务', defaultMode: 'immediate', timeLimitDays: 3, counters: [7], needsAppointment: false, stations: [0, 3] },
  { prefix: 'G', category: '综合服务', name: '证明开具', defaultMode: 'immediate', timeLimitDays: 1, counters: [1, 2], needsAppointment: false, stations: [] },
  { prefix: 'H', category: '公益服务', name: '爱心超市', defaultMode: 'immediate', timeLimitDays: 1, counters: [8], needsAppointment: false, stations: [4, 9, 11] },
];

/**
 * The demo staff, in the order of the ids `fillDemoCatalogue` returns. The first three suit the
 * demo's login accounts: [0] a front-desk clerk, [1] a social worker, [2] a grid worker on duty.
 * Each one's check-in PIN is shown here so the demo can print it.
 */
export const DEMO_STAFF: { name: string; phone: string; roles: string[]; stations: number[]; pin: string }[] = [
  { name: '王丽华', phone: '13900000101', roles: ['前台'], stations: [], pin: '1101' },
  { name: '陈志强', phone: '13900000102', roles: ['社工'], stations: [0, 1], pin: '1102' },
  { name: '刘晓梅', phone: '13900000103', roles: ['网格员'], stations: [0], pin: '1103' },
  { name: '赵建国', phone: '13900000104', roles: ['网格员'], stations: [1], pin: '1104' },
  { name: '孙秀英', phone: '13900000105', roles: ['社工', '网格员'], stations: [2], pin: '1105' },
  { name: '周海涛', phone: '13900000106', roles: ['网格员'], stations: [3], pin: '1106' },
  { name: '吴静', phone: '13900000107', roles: ['前台'], stations: [], pin: '1107' },
  { name: '郑美玲', phone: '13900000108', roles: ['社工'], stations: [4, 5], pin: '1108' },
  { name: '冯磊', phone: '13900000109', roles: ['网格员'], stations: [6], pin: '1109' },
  { name: '何玉兰', phone: '13900000110', roles: ['志愿者'], stations: [7], pin: '1110' },
  { name: '欧阳文博', phone: '13900000111', roles: ['志愿者'], stations: [8, 9], pin: '1111' },
  { name: '许春燕', phone: '13900000112', roles: ['网格员'], stations: [10], pin: '1112' },
  { name: '韩卫东', phone: '13900000113', roles: ['志愿者'], stations: [11], pin: '1113' },
  { name: '曹雅琴', phone: '13900000114', roles: ['社工'], stations: [9, 10, 11], pin: '1114' },
  { name: '邓小川', phone: '13900000115', roles: ['志愿者'], stations: [2, 3], pin: '1115' },
];

/**
 * Fills stations, services and staff (with PINs) for the demo centre, synchronously (it runs before
 * any client connects). Returns the staff ids in DEMO_STAFF order, for linking login accounts.
 * Hashing the PINs costs ~0.1 s each.
 */
export function fillDemoCatalogue(db: Db, now: number): string[] {
  const pinHashes = DEMO_STAFF.map((s) => hashSecretSync(s.pin));
  return db.transaction(() => {
    const stationIds = STATIONS.map((s) =>
      saveStation(db, undefined, { name: s.name, address: s.address, hours: s.closedSundays ? CLOSED_SUNDAY : EVERY_DAY, closedDates: [], active: true }, now),
    );
    for (const { stations, ...s } of SERVICES) {
      saveService(db, undefined, { ...s, stationIds: stations.map((i) => stationIds[i]!), active: true }, now);
    }
    return DEMO_STAFF.map((s, i) => {
      const id = saveStaff(db, undefined, { name: s.name, phone: s.phone, roles: s.roles, stationIds: s.stations.map((j) => stationIds[j]!), active: true }, now);
      setStaffPinHash(db, id, pinHashes[i]!, now);
      return id;
    });
  })();
}
