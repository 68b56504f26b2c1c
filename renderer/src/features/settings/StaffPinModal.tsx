import { Alert, Form, Input } from 'antd';
import { useApiMutation } from '../../api/hooks';
import { useInvalidate } from '../../components/useInvalidate';
import { showApiError } from '../../components/apiErrors';
import FormModal from './FormModal';
import type { StaffMember } from './StaffFormModal';
import { useNotify } from './useNotify';

interface Values {
  pin: string;
  confirm: string;
}

const PIN_RULE = { pattern: /^\d{4,8}$/, message: 'PIN 为 4–8 位数字' };

/** Sets a staff member's check-in PIN. The PIN is never shown again, only whether one is set. */
export default function StaffPinModal({ staff, onClose }: { staff: StaffMember | null; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const setPin = useApiMutation('staff.setPin');
  const invalidate = useInvalidate();

  const onFinish = (v: Values) => {
    if (!staff) return;
    setPin.mutate(
      { id: staff.id, pin: v.pin },
      {
        onSuccess: () => {
          invalidate('staff.');
          notify.success(`已为“${staff.name}”设置签到 PIN`);
          onClose();
        },
        onError: (e) => showApiError(e, (text) => notify.error(text), form, ['pin']),
      },
    );
  };

  return (
    <FormModal<Values>
      title={staff ? `设置签到 PIN：${staff.name}` : '设置签到 PIN'}
      open={staff !== null}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={setPin.isPending}
      okText="设置 PIN"
      width={440}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          staff?.hasPin
            ? '此人已设置过 PIN，保存后旧 PIN 立即失效。'
            : '值班人员在驿站签到、签退时输入此 PIN。'
        }
        description="PIN 只保存加密后的结果，设置后任何人都看不到，忘记了只能重新设置。"
      />
      <Form.Item
        name="pin"
        label="新 PIN（4–8 位数字）"
        rules={[{ required: true, message: '请输入 PIN' }, PIN_RULE]}
      >
        <Input.Password inputMode="numeric" maxLength={8} autoComplete="new-password" autoFocus visibilityToggle={false} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="再输入一次"
        dependencies={['pin']}
        rules={[
          { required: true, message: '请再输入一次 PIN' },
          ({ getFieldValue }) => ({
            validator: (_, v?: string) =>
              !v || v === getFieldValue('pin') ? Promise.resolve() : Promise.reject(new Error('两次输入的 PIN 不一致')),
          }),
        ]}
      >
        <Input.Password inputMode="numeric" maxLength={8} autoComplete="new-password" visibilityToggle={false} />
      </Form.Item>
    </FormModal>
  );
}
