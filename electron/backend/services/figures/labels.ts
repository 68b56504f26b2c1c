import { CHANNELS, HANDLING_MODES } from '../../../../shared/contract';
import type { Names } from './queries';

export const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  window: '窗口',
  phone: '电话',
  grid: '网格上报',
  station: '驿站',
  county: '县平台转派',
};

export const MODE_LABELS: Record<(typeof HANDLING_MODES)[number], string> = {
  immediate: '马上办',
  onsite: '现场办',
  homevisit: '上门办',
  assigned: '专人办',
  escalated: '转办联办',
};

/** The row of requests whose resident had no grid (or no resident was recorded). */
export const NO_GRID_KEY = 'none';
export const NO_GRID_LABEL = '未关联网格';

function pathOf(names: Names, id: string): { name: string; sort: number }[] {
  const path: { name: string; sort: number }[] = [];
  // A bounded walk: a damaged parent chain cannot loop for ever.
  for (let node = names.gridById.get(id), hops = 0; node && hops < 10; node = node.parentId ? names.gridById.get(node.parentId) : undefined, hops++) {
    path.unshift(node);
  }
  return path;
}

/** A grid's label is its path, e.g. 东片区 / 第1网格: two areas may each have a 第1网格. */
export function gridLabel(names: Names, id: string): string {
  if (id === NO_GRID_KEY) return NO_GRID_LABEL;
  const path = pathOf(names, id);
  return path.length ? path.map((n) => n.name).join(' / ') : '未知网格';
}

/** Grid rows follow the grid tree (each level by its sort, then name); 未关联网格 comes last. */
export function compareGrids(names: Names, a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_GRID_KEY) return 1;
  if (b === NO_GRID_KEY) return -1;
  const pa = pathOf(names, a);
  const pb = pathOf(names, b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const d = pa[i]!.sort - pb[i]!.sort || pa[i]!.name.localeCompare(pb[i]!.name, 'zh-CN');
    if (d) return d;
  }
  return pa.length - pb.length || a.localeCompare(b);
}

export const serviceLabel = (names: Names, id: string) => names.serviceById.get(id)?.name ?? '未知服务';
export const staffLabel = (names: Names, id: string) => names.userById.get(id)?.name ?? '未知人员';
