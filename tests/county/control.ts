import { randomUUID } from 'node:crypto';
import { idNumberHash } from '../../electron/backend/services/sync/signing';
import { checkRates, type FaultRates } from './faults';
import type { CountyMode, CountyState } from './server';

/**
 * The control API under /control/ (no auth: the county binds 127.0.0.1 and is a test fixture).
 * Tests use it to set faults and modes, to make the county dispatch requests or publish a roster,
 * and to count exactly what arrived.
 */
type Reply = { status: number; body: Buffer; headers?: Record<string, string> };
const ok = (value: unknown): Reply => ({ status: 200, body: Buffer.from(JSON.stringify(value)) });
const bad = (message: string, status = 400): Reply => ({ status, body: Buffer.from(JSON.stringify({ error: { code: 'bad_request', message } })) });

const MODES: CountyMode[] = ['normal', 'html', 'redirect', 'notjson', 'huge'];
const TITLES = [
  ['独居老人家中水管漏水，请社区协助联系维修', '12345热线转来：某小区3号楼独居老人反映厨房水管漏水两天，无人帮忙联系维修。', '住建局'],
  ['楼道堆放杂物影响通行', '群众反映单元楼道长期堆放纸箱和旧家具，存在消防隐患，请社区上门核实并督促清理。', '消防救援大队'],
  ['申请临时救助，请核实家庭情况', '县民政局转办：居民申请临时救助，请社区工作人员入户核实家庭收入和困难情况。', '民政局'],
  ['路灯损坏夜间出行不便', '群众来电：小区东门外两盏路灯不亮已一周，老人晚上出行不方便。', '城管局'],
  ['高龄津贴未按时发放', '县民政局转办：一位88岁老人反映本月高龄津贴未到账，请社区帮助查询。', '民政局'],
  ['噪音扰民，请协调处理', '群众反映夜间有商户装卸货物噪音较大，影响休息，请社区协调。', '生态环境局'],
] as const;

export function handleControl(state: CountyState, method: string, url: URL, raw: Buffer): Reply {
  let body: Record<string, unknown> = {};
  if (method === 'POST' && raw.length) {
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return bad('body is not JSON');
    }
    if (body === null || typeof body !== 'object') return bad('body must be an object');
  }
  const store = state.store;
  const name = url.pathname.slice('/control/'.length);
  try {
    switch (`${method} ${name}`) {
      case 'GET stats':
        return ok({ ...state.stats, ...store.counts(), faultsHit: state.faults.counts, faults: state.faults.current(), mode: state.mode, clockOffsetMs: state.clockOffsetMs, epoch: store.epoch() });
      case 'GET received': {
        const entries = store.received(url.searchParams.get('stream') ?? undefined, url.searchParams.get('kind') ?? undefined);
        return ok({ total: entries.length, entries });
      }
      case 'GET info':
        return ok({ county: store.countyName(), centres: store.centres().map((c) => ({ code: c.code, name: c.name, expiresAt: c.expires_at })), idHashKey: store.idHashKey, idHashKeyId: store.idHashKeyId });
      case 'GET dispatch': {
        const d = store.dispatch(url.searchParams.get('ref') ?? '');
        return d ? ok({ ref: d.ref, id: d.id, centre: d.centre, knownStatus: d.known_status, statusAt: d.status_at }) : bad('no such dispatch', 404);
      }
      case 'POST faults':
        state.faults.set(body.seed === undefined ? undefined : Number(body.seed), checkRates(body.rates ?? {}) as FaultRates);
        return ok({ faults: state.faults.current() });
      case 'POST reset-faults':
        state.faults.reset();
        state.mode = 'normal';
        state.clockOffsetMs = 0;
        return ok({ faults: {} });
      case 'POST mode':
        if (!MODES.includes(body.mode as CountyMode)) return bad(`mode must be one of ${MODES.join(', ')}`);
        state.mode = body.mode as CountyMode;
        return ok({ mode: state.mode });
      case 'POST clockOffsetMs':
        if (!Number.isFinite(Number(body.ms))) return bad('ms must be a number');
        state.clockOffsetMs = Number(body.ms);
        return ok({ clockOffsetMs: state.clockOffsetMs });
      case 'POST forgetCursors':
        store.forgetCursors();
        return ok({ epoch: store.epoch() });
      case 'POST expire': {
        const at = body.at === undefined ? state.now() - 1 : Number(body.at);
        return store.expireCentre(String(body.centre ?? ''), at) ? ok({ centre: body.centre, expiresAt: at }) : bad('no such centre', 404);
      }
      case 'POST centre':
        if (typeof body.code !== 'string' || typeof body.credential !== 'string' || !body.code || !body.credential) return bad('code and credential are required');
        store.addCentre(body.code, body.credential, typeof body.name === 'string' ? body.name : body.code);
        return ok({ code: body.code });
      case 'POST dispatch':
        return ok({ dispatched: dispatch(state, body) });
      case 'POST withdraw':
        return withdraw(state, String(body.ref ?? ''));
      case 'POST roster':
        return ok({ roster: entriesOf(body).map((e) => store.addDown('roster', idHashOf(state, e), null, {
          idHash: idHashOf(state, e), householdSize: Number(e.householdSize ?? 1), validFrom: e.validFrom ?? '2026-01-01', validTo: e.validTo ?? '2026-12-31', removed: e.removed === true,
        })) });
      case 'POST otherCards':
        return ok({ otherCards: entriesOf(body).map((e) => store.addDown('otherCards', `${String(e.centreCode ?? 'OTHER-001')}:${String(e.cardNo)}`, typeof e.centre === 'string' ? e.centre : null, {
          idHash: idHashOf(state, e), centreCode: e.centreCode ?? 'OTHER-001', centreName: e.centreName ?? '幸福社区党群服务中心', cardNo: e.cardNo, status: e.status ?? 'active',
        })) });
      case 'POST calendar':
        return ok({ calendar: (Array.isArray(body.days) ? (body.days as Record<string, unknown>[]) : []).map((d) => store.addDown('calendar', String(d.date), null, { date: d.date, kind: d.kind, name: d.name ?? '' })) });
      case 'POST down': {
        // Any record, as is: for tests of records with wrong types or an unknown version.
        const stream = String(body.stream) as Parameters<typeof store.addDown>[0];
        const record = (body.record ?? {}) as Record<string, unknown>;
        return ok({ record: store.addDown(stream, String(record.id ?? randomUUID()), typeof body.centre === 'string' ? body.centre : null, record) });
      }
      default:
        return bad(`no control call ${method} /control/${name}`, 404);
    }
  } catch (e) {
    return bad((e as Error).message);
  }
}

function entriesOf(body: Record<string, unknown>): Record<string, unknown>[] {
  if (!Array.isArray(body.entries)) throw new Error('entries must be an array');
  return body.entries as Record<string, unknown>[];
}

/** Tests pass plain fictional ID numbers; the county hashes them with its own key. */
function idHashOf(state: CountyState, e: Record<string, unknown>): string {
  if (typeof e.idHash === 'string') return e.idHash;
  if (typeof e.idNumber === 'string') return idNumberHash(state.store.idHashKey, e.idNumber);
  throw new Error('each entry needs idNumber or idHash');
}

const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

function dispatch(state: CountyState, body: Record<string, unknown>) {
  const store = state.store;
  const centre = typeof body.centre === 'string' ? body.centre : store.centres()[0]?.code;
  if (!centre || !store.centre(centre)) throw new Error('no such centre');
  const given = Array.isArray(body.records) ? (body.records as Record<string, unknown>[]) : null;
  const count = given ? given.length : Number(body.count ?? 1);
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new Error('count must be 1..10000');
  const now = state.now();
  return store.db.transaction(() =>
    Array.from({ length: count }, (_, i) => {
      const [title, description, department] = TITLES[(store.maxSeq() + i) % TITLES.length]!;
      const id = randomUUID();
      const ref = store.nextDispatchRef(Number(shanghaiDay(now).slice(0, 4)));
      store.insertDispatch(ref, id, centre);
      return store.addDown('dispatch', id, centre, {
        ref, title, description, department, serviceCode: null, dueDate: shanghaiDay(now + 10 * 86_400_000), dispatchedAt: now, state: 'active',
        ...(given?.[i] ?? {}),
      }) as unknown as Record<string, unknown> & { id: string; ref: string; rev: number };
    }),
  )();
}

function withdraw(state: CountyState, ref: string): Reply {
  const d = state.store.dispatch(ref);
  if (!d) return bad('no such dispatch', 404);
  const latest = state.store.latestDown('dispatch', d.id)!;
  const { id: _id, rev: _rev, version: _v, ...fields } = JSON.parse(latest.body) as Record<string, unknown>;
  return ok({ record: state.store.addDown('dispatch', d.id, d.centre, { ...fields, state: 'withdrawn' }) });
}
