import { App, Button, Card, Descriptions, Empty, Popconfirm, Space } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { CHILD_KIND, type GridNode } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { kindLabel, nodePath } from './gridTreeData';

interface Props {
  node: GridNode | null;
  nodes: GridNode[];
  canEdit: boolean;
  onAddChild: (parent: GridNode) => void;
  onRename: (node: GridNode) => void;
  onRemoved: () => void;
  onShowResidents: (node: GridNode) => void;
}

export function GridNodePanel({ node, nodes, canEdit, onAddChild, onRename, onRemoved, onShowResidents }: Props) {
  const { message } = App.useApp();
  const remove = useApiMutation('grid.remove');
  const invalidate = useInvalidate();

  if (!node) {
    return (
      <Card>
        <Empty description={t('grid.selectHint')} />
      </Card>
    );
  }

  const childKind = CHILD_KIND[node.kind];
  const children = nodes.filter((n) => n.parentId === node.id).length;
  const removable = children === 0 && node.residents === 0;

  return (
    <Card
      title={`${kindLabel(node.kind)}：${node.name}`}
      data-testid="grid-node-panel"
      extra={
        node.residents > 0 && (
          <Button icon={<TeamOutlined />} onClick={() => onShowResidents(node)}>
            {t('grid.showResidents')}
          </Button>
        )
      }
    >
      <Descriptions
        column={1}
        size="middle"
        items={[
          { key: 'path', label: t('grid.path'), children: nodePath(nodes, node.id) },
          { key: 'kind', label: t('grid.kind'), children: kindLabel(node.kind) },
          { key: 'residents', label: t('grid.residents'), children: t('grid.people', { count: node.residents }) },
          ...(childKind ? [{ key: 'children', label: t('grid.children', { kind: kindLabel(childKind) }), children: String(children) }] : []),
        ]}
      />
      {canEdit && (
        <Space wrap style={{ marginTop: 16 }}>
          {childKind && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onAddChild(node)}>
              {t('grid.addChild', { kind: kindLabel(childKind) })}
            </Button>
          )}
          <Button icon={<EditOutlined />} onClick={() => onRename(node)}>
            {t('grid.renameButton')}
          </Button>
          <Popconfirm
            title={t('grid.removeConfirm', { name: node.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync({ id: node.id }).then(
                () => {
                  invalidate('grid.');
                  message.success(t('grid.removed', { name: node.name }));
                  onRemoved();
                },
                (err: unknown) => showApiError(err, (text) => message.error(text)),
              )
            }
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending} disabled={!removable}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {canEdit && !removable && <div style={{ marginTop: 12, color: 'var(--ant-color-text-secondary)' }}>{t('grid.removeHint')}</div>}
      {!canEdit && <div style={{ marginTop: 12, color: 'var(--ant-color-text-secondary)' }}>{t('grid.readOnly')}</div>}
    </Card>
  );
}
