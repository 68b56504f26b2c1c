import { CHILD_KIND, fail, type GridKind, type GridNode } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import { newId } from '../../db/ids';

interface NodeRow {
  id: string;
  parent_id: string | null;
  kind: GridKind;
  name: string;
  sort: number;
}

function liveNode(db: Db, id: string): NodeRow | undefined {
  return db.prepare('SELECT * FROM grid_nodes WHERE id = ? AND removed_at IS NULL').get(id) as NodeRow | undefined;
}

/** The whole tree, flat and in display order, each node with the residents living under it. */
export function gridTree(db: Db): GridNode[] {
  const nodes = db
    .prepare('SELECT id, parent_id, kind, name, sort FROM grid_nodes WHERE removed_at IS NULL ORDER BY sort, name')
    .all() as NodeRow[];
  const counts = new Map<string, number>();
  for (const r of db
    .prepare('SELECT building_id id, count(*) n FROM residents WHERE voided_at IS NULL AND building_id IS NOT NULL GROUP BY building_id')
    .all() as { id: string; n: number }[]) {
    counts.set(r.id, r.n);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Buildings carry their own counts; add each up the chain to its grid and area.
  const totals = new Map<string, number>();
  for (const n of nodes) {
    const c = counts.get(n.id) ?? 0;
    if (c === 0) continue;
    for (let cur: NodeRow | undefined = n; cur; cur = cur.parent_id ? byId.get(cur.parent_id) : undefined) {
      totals.set(cur.id, (totals.get(cur.id) ?? 0) + c);
    }
  }
  return nodes.map((n) => ({ id: n.id, parentId: n.parent_id, kind: n.kind, name: n.name, sort: n.sort, residents: totals.get(n.id) ?? 0 }));
}

export function createGridNode(db: Db, parentId: string | null, name: string, now: number): GridNode {
  let kind: GridKind | null = CHILD_KIND.root;
  if (parentId) {
    const parent = liveNode(db, parentId);
    if (!parent) throw fail.validation('grid.parent.notFound', 'parentId');
    kind = CHILD_KIND[parent.kind];
    if (!kind) throw fail.validation('grid.noChildren', 'parentId');
  }
  assertNameFree(db, parentId, name, null);
  const id = newId();
  const sort = (
    db.prepare('SELECT coalesce(max(sort), 0) + 1 s FROM grid_nodes WHERE parent_id IS ?').get(parentId) as { s: number }
  ).s;
  db.prepare('INSERT INTO grid_nodes (id, parent_id, kind, name, sort, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    parentId,
    kind,
    name,
    sort,
    now,
  );
  return { id, parentId, kind: kind!, name, sort, residents: 0 };
}

function assertNameFree(db: Db, parentId: string | null, name: string, exceptId: string | null) {
  const clash = db
    .prepare('SELECT 1 FROM grid_nodes WHERE parent_id IS ? AND name = ? AND removed_at IS NULL AND id IS NOT ?')
    .get(parentId, name, exceptId);
  if (clash) throw fail.conflict('grid.name.taken', 'name', { name });
}

export function renameGridNode(db: Db, id: string, name: string): void {
  const node = liveNode(db, id);
  if (!node) throw fail.notFound('grid.notFound');
  assertNameFree(db, node.parent_id, name, id);
  db.prepare('UPDATE grid_nodes SET name = ? WHERE id = ?').run(name, id);
}

/** Only an empty node goes; it is marked removed, not deleted, so old records still name it. */
export function removeGridNode(db: Db, id: string, now: number): NodeRow {
  const node = liveNode(db, id);
  if (!node) throw fail.notFound('grid.notFound');
  const child = db.prepare('SELECT 1 FROM grid_nodes WHERE parent_id = ? AND removed_at IS NULL').get(id);
  const resident = db.prepare('SELECT 1 FROM residents WHERE building_id = ? AND voided_at IS NULL').get(id);
  if (child || resident) throw fail.conflict('grid.remove.notEmpty');
  db.prepare('UPDATE grid_nodes SET removed_at = ? WHERE id = ?').run(now, id);
  return node;
}

/** Ids of the buildings under a node (the node itself if it is a building). */
export function buildingsUnder(db: Db, nodeId: string): string[] {
  return (
    db
      .prepare(
        `WITH RECURSIVE sub(id, kind) AS (
           SELECT id, kind FROM grid_nodes WHERE id = ?
           UNION ALL SELECT g.id, g.kind FROM grid_nodes g JOIN sub ON g.parent_id = sub.id WHERE g.removed_at IS NULL)
         SELECT id FROM sub WHERE kind = 'building'`,
      )
      .all(nodeId) as { id: string }[]
  ).map((r) => r.id);
}

/** Finds a building by its names along the path, creating missing levels (used by the import). */
export function findOrCreateBuilding(db: Db, path: [string, string, string], now: number): string {
  let parentId: string | null = null;
  for (const name of path) {
    const found = db
      .prepare('SELECT id FROM grid_nodes WHERE parent_id IS ? AND name = ? AND removed_at IS NULL')
      .get(parentId, name) as { id: string } | undefined;
    parentId = found ? found.id : createGridNode(db, parentId, name, now).id;
  }
  return parentId!;
}
