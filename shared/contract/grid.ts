import { z } from 'zod';
import { call } from './define';
import { ADMIN, STAFF } from './roles';
import { id, ok, text } from './common';

export const GRID_KINDS = ['area', 'grid', 'building'] as const;
export const gridKind = z.enum(GRID_KINDS, 'validation.invalidType');
export type GridKind = (typeof GRID_KINDS)[number];

/** Which kind of node may sit under which: 片区 → 网格 → 楼栋 (households are residents' rooms). */
export const CHILD_KIND: Record<GridKind | 'root', GridKind | null> = {
  root: 'area',
  area: 'grid',
  grid: 'building',
  building: null,
};

export const gridNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: gridKind,
  name: z.string(),
  sort: z.number(),
  /** Residents living under this node (the node itself and everything below it). */
  residents: z.number(),
});
export type GridNode = z.infer<typeof gridNode>;

export const gridContract = {
  'grid.tree': call({ summary: '网格结构', access: STAFF, input: z.object({}), output: z.array(gridNode) }),
  'grid.create': call({
    summary: '新建片区/网格/楼栋',
    access: ADMIN,
    input: z.object({ parentId: id.nullable(), name: text(40) }),
    output: gridNode,
  }),
  'grid.rename': call({ summary: '改名', access: ADMIN, input: z.object({ id, name: text(40) }), output: ok }),
  'grid.remove': call({
    summary: '删除空节点（有居民或下级的不能删除）',
    access: ADMIN,
    input: z.object({ id }),
    output: ok,
  }),
};
