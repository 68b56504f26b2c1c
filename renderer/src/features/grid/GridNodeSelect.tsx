import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { toTreeItems } from './gridTreeData';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Only buildings can be chosen (a resident's address); otherwise any node (a filter). */
  buildingsOnly?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  size?: 'large' | 'middle';
}

/** Choose a place in the 片区 → 网格 → 楼栋 tree, typing to filter by name. */
export function GridNodeSelect({ value, onChange, buildingsOnly, placeholder, style, id, size }: Props) {
  const tree = useApiQuery('grid.tree', {});
  const treeData = useMemo(
    () => toTreeItems(tree.data ?? [], (n) => n.name, buildingsOnly ? (n) => n.kind === 'building' : undefined),
    [tree.data, buildingsOnly],
  );
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      treeData={treeData}
      placeholder={placeholder ?? t('grid.choose')}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeLine
      loading={tree.isLoading}
      style={style}
      size={size}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 280, maxHeight: 420 } } }}
      notFoundContent={t('grid.empty')}
    />
  );
}
