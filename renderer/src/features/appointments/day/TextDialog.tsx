import { Form, Input, Modal } from 'antd';
import { showApiError } from '../../../components/apiErrors';
import { useNotify } from '../../settings/useNotify';

interface Props {
  open: boolean;
  title: string;
  label: string;
  placeholder: string;
  requiredMessage: string;
  okText: string;
  danger?: boolean;
  /** The backend's field for this text (outcome, reason), so its error shows under the box. */
  field: string;
  onSubmit(text: string): Promise<unknown>;
  onClose(): void;
}

/** A short dialog that asks for one piece of text (an outcome, a reason) and saves it. */
export function TextDialog({ open, title, label, placeholder, requiredMessage, okText, danger, field, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ text: string }>();
  const notify = useNotify();
  const submit = async ({ text }: { text: string }) => {
    try {
      await onSubmit(text.trim());
      onClose();
    } catch (err) {
      showApiError(err, (m) => void notify.error(m), form, (f) => (f === field ? 'text' : null));
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      okText={okText}
      cancelText="返回"
      okButtonProps={{ htmlType: 'submit', size: 'large', danger }}
      cancelButtonProps={{ size: 'large' }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} layout="vertical" onFinish={submit} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: requiredMessage }]}>
        <Input.TextArea autoFocus rows={3} maxLength={200} showCount placeholder={placeholder} style={{ fontSize: 16 }} />
      </Form.Item>
    </Modal>
  );
}
