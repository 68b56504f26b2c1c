import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { GridNodeNameDialog, type NameDialogState } from './GridNodeNameDialog';
import { GridNodePanel } from './GridNodePanel';
import { toTreeItems, withCount } from './gridTreeData';

export default function GridPage() {
  const me = useMe();
  const navigate = useNavigate();
  const canEdit = me.role === 'admin';
  const tree = useApiQuery('grid.tree', {});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<NameDialogState | null>(null);

  const nodes = useMemo(() => tree.data ?? [], [tree.data]);
  const treeData = useMemo(() => toTreeItems(nodes, withCount), [nodes]);
  const areaIds = useMemo(() => nodes.filter((n) => n.kind === 'area').map((n) => n.id), [nodes]);
  const selected = nodes.find((n) => n.id === selectedId) ?? null;
  const total = nodes.filter((n) => n.kind === 'area').reduce((s, n) => s + n.residents, 0);

  if (tree.isLoading) return <PageSpinner />;
  if (tree.error) return <Alert type="error" showIcon title={failureText(tree.error)} />;

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('grid.title')}</Typography.Title>
        {canEdit && (
          <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create', parent: null })}>
            {t('grid.addArea')}
          </Button>
        )}
      </div>
      <div style={{ display: 'flex', gap: 20, alignItems: 'flex-start' }}>
        <Card style={{ flex: '1 1 55%', minWidth: 0 }} title={t('grid.treeTitle')} extra={<span data-testid="grid-total">{t('grid.placedResidents', { count: total })}</span>}>
          {nodes.length === 0 ? (
            <Empty description={canEdit ? t('grid.emptyAdmin') : t('grid.empty')} />
          ) : (
            <Tree
              className="grid-tree"
              treeData={treeData}
              showLine
              blockNode
              expandedKeys={expanded ?? areaIds}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(_keys, info) => setSelectedId(String(info.node.key))}
              style={{ fontSize: 17 }}
            />
          )}
        </Card>
        <div style={{ flex: '1 1 45%', minWidth: 320, position: 'sticky', top: 84 }}>
          <GridNodePanel
            node={selected}
            nodes={nodes}
            canEdit={canEdit}
            onAddChild={(parent) => setDialog({ mode: 'create', parent })}
            onRename={(node) => setDialog({ mode: 'rename', node })}
            onRemoved={() => setSelectedId(null)}
            onShowResidents={(node) => navigate(`/residents?grid=${node.id}`)}
          />
        </div>
      </div>
      <GridNodeNameDialog
        state={dialog}
        onClose={() => setDialog(null)}
        onCreated={(node) => {
          if (node.parentId) setExpanded((keys) => [...new Set([...(keys ?? areaIds), node.parentId!])]);
          setSelectedId(node.id);
        }}
      />
    </div>
  );
}
