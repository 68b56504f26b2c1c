import type { GridKind, GridNode } from '../../../../shared/contract';
import { t } from '../../i18n';

export interface GridTreeItem {
  key: string;
  value: string;
  title: string;
  node: GridNode;
  isLeaf: boolean;
  selectable?: boolean;
  children: GridTreeItem[];
}

export function kindLabel(kind: GridKind): string {
  return t(`gridKind.${kind}`);
}

/** The flat list from grid.tree as nested items for antd Tree / TreeSelect. */
export function toTreeItems(nodes: GridNode[], label: (n: GridNode) => string = (n) => n.name, selectable?: (n: GridNode) => boolean): GridTreeItem[] {
  const items = new Map<string, GridTreeItem>();
  for (const n of nodes) {
    items.set(n.id, {
      key: n.id,
      value: n.id,
      title: label(n),
      node: n,
      isLeaf: n.kind === 'building',
      ...(selectable ? { selectable: selectable(n) } : {}),
      children: [],
    });
  }
  const roots: GridTreeItem[] = [];
  for (const n of nodes) {
    const item = items.get(n.id)!;
    const parent = n.parentId ? items.get(n.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

export function withCount(n: GridNode): string {
  return t('grid.nodeWithCount', { name: n.name, count: n.residents });
}

/** Every ancestor's name above a node and the node's own: 东片区 / 第一网格 / 3号楼. */
export function nodePath(nodes: GridNode[], id: string): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const names: string[] = [];
  for (let cur = byId.get(id); cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) names.unshift(cur.name);
  return names.join(' / ');
}
