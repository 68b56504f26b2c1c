import { App, Form, Input, Modal } from 'antd';
import { CHILD_KIND, type GridNode } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { t } from '../../i18n';
import { kindLabel } from './gridTreeData';

export type NameDialogState = { mode: 'create'; parent: GridNode | null } | { mode: 'rename'; node: GridNode };

interface Props {
  state: NameDialogState | null;
  onClose: () => void;
  onCreated: (node: GridNode) => void;
}

/** One name box for a new 片区/网格/楼栋 or for renaming one. */
export function GridNodeNameDialog({ state, onClose, onCreated }: Props) {
  const [form] = Form.useForm<{ name: string }>();
  const { message } = App.useApp();
  const create = useApiMutation('grid.create');
  const rename = useApiMutation('grid.rename');
  const invalidate = useInvalidate();

  const kind = state?.mode === 'rename' ? state.node.kind : CHILD_KIND[state?.parent?.kind ?? 'root'];
  const title =
    state?.mode === 'rename'
      ? t('grid.renameTitle', { name: state.node.name })
      : state?.parent
        ? t('grid.addChildTitle', { parent: state.parent.name, kind: kind ? kindLabel(kind) : '' })
        : t('grid.addArea');

  const fail = (err: unknown) => showApiError(err, (text) => message.error(text), form, ['name']);

  const saved = () => {
    message.success(t('common.saved'));
    onClose();
  };

  const submit = ({ name }: { name: string }) => {
    if (!state) return;
    if (state.mode === 'rename') {
      rename.mutate(
        { id: state.node.id, name },
        {
          onSuccess: () => {
            invalidate('grid.', 'residents.');
            saved();
          },
          onError: fail,
        },
      );
    } else {
      create.mutate(
        { parentId: state.parent?.id ?? null, name },
        {
          onSuccess: (node) => {
            invalidate('grid.');
            onCreated(node);
            saved();
          },
          onError: fail,
        },
      );
    }
  };

  return (
    <Modal
      open={!!state}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit' }}
      onCancel={onClose}
      confirmLoading={create.isPending || rename.isPending}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy initialValues={{ name: state?.mode === 'rename' ? state.node.name : '' }}>
          {dom}
        </Form>
      )}
    >
      <Form.Item
        name="name"
        label={t('grid.nameLabel', { kind: kind ? kindLabel(kind) : '' })}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        extra={kind === 'building' ? t('grid.buildingHint') : undefined}
      >
        <Input autoFocus maxLength={40} />
      </Form.Item>
    </Modal>
  );
}
