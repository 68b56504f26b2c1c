import { Typography } from 'antd';
import { HANDLING_MODES, ROLES, type Role } from '../../../../shared/contract';
import { MODE_LABELS, ROLE_LABELS } from '../settings/labels';
import { summariseHours, type OpeningHours } from '../settings/stationHours';
import { formatDateTime } from '../settings/format';
import { actionLabel, DETAIL_KEY_LABELS, DETAIL_KEY_LABELS_BY_TARGET } from './labels';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Names {
  station(id: string): string | undefined;
  gridNode(id: string): string | undefined;
}


type KeyLabel = (k: string) => string;

/** One value in words: 是/否, role and mode names, station names, opening hours. */
function valueText(key: string, v: Json | undefined, names: Names, keyLabel: KeyLabel): string {
  if (v === undefined || v === null || v === '') return '无';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key === 'role' && typeof v === 'string' && (ROLES as readonly string[]).includes(v)) return ROLE_LABELS[v as Role];
  if (key === 'defaultMode' && typeof v === 'string' && (HANDLING_MODES as readonly string[]).includes(v)) {
    return MODE_LABELS[v as (typeof HANDLING_MODES)[number]];
  }
  if (key === 'hours' && isObj(v)) return summariseHours(v as unknown as OpeningHours);
  if (key === 'stationIds' && Array.isArray(v)) {
    return v.length ? v.map((id) => names.station(String(id)) ?? String(id)).join('、') : '无';
  }
  if (key === 'gridNodeId' && typeof v === 'string') return names.gridNode(v) ?? v;
  if (key === 'at' && typeof v === 'number') return formatDateTime(v);
  if (key === 'action' && typeof v === 'string') return actionLabel(v);
  if (key === 'counters' && Array.isArray(v)) return v.length ? `${v.join('、')} 号窗口` : '任一窗口';
  if (Array.isArray(v)) return v.length ? v.map((x) => (isObj(x) || Array.isArray(x) ? JSON.stringify(x) : String(x))).join('、') : '无';
  if (isObj(v)) {
    return Object.entries(v)
      .map(([k, x]) => `${keyLabel(k)}：${valueText(k, x, names, keyLabel)}`)
      .join('，');
  }
  return String(v);
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Lines to show: a change (before → after) where the entry records both, else each field. */
function lines(detail: Obj, names: Names, keyLabel: KeyLabel): { key: string; text: string; changed?: boolean }[] {
  const before = isObj(detail.before) ? detail.before : null;
  const after = isObj(detail.after) ? detail.after : null;
  if (before) {
    // { before, after } or { …new values, before: {…old values} }
    const now: Obj = after ?? Object.fromEntries(Object.entries(detail).filter(([k]) => k !== 'before' && k !== 'after'));
    const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])];
    const changed = keys.filter((k) => !same(before[k], now[k]));
    if (changed.length === 0) return [{ key: '_', text: '没有改动' }];
    return changed.map((k) => ({
      key: k,
      text: `${keyLabel(k)}：${valueText(k, before[k], names, keyLabel)} → ${valueText(k, now[k], names, keyLabel)}`,
      changed: true,
    }));
  }
  return Object.entries(detail).map(([k, v]) => ({ key: k, text: `${keyLabel(k)}：${valueText(k, v, names, keyLabel)}` }));
}

/** An entry's detail (stored as JSON) written out readably. */
export default function AuditDetail({ detail, names, targetType }: { detail: string | null; names: Names; targetType: string | null }) {
  const own = (targetType && DETAIL_KEY_LABELS_BY_TARGET[targetType]) || {};
  const keyLabel: KeyLabel = (k) => own[k] ?? DETAIL_KEY_LABELS[k] ?? k;
  if (!detail) return <Typography.Text type="secondary">—</Typography.Text>;
  let parsed: Json;
  try {
    parsed = JSON.parse(detail) as Json;
  } catch {
    return <span style={{ wordBreak: 'break-all' }}>{detail}</span>;
  }
  if (!isObj(parsed)) return <span>{valueText('', parsed, names, keyLabel)}</span>;
  const items = lines(parsed, names, keyLabel);
  if (items.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  // A whole record (a saved service, say) reads better as one wrapped paragraph than as ten lines.
  if (items.length > 4 && !items.some((l) => l.changed)) {
    return <span style={{ wordBreak: 'break-word' }}>{items.map((l) => l.text).join('；')}</span>;
  }
  return (
    <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
      {items.map((l) => (
        <li key={l.key} style={{ wordBreak: 'break-word' }}>
          {l.text}
        </li>
      ))}
    </ul>
  );
}
