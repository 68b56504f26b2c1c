import { Checkbox, Form, Input, Select } from 'antd';
import type { z } from 'zod';
import type { staffMember } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { useInvalidate } from '../../components/useInvalidate';
import { showApiError } from '../../components/apiErrors';
import FormModal from './FormModal';
import { JOB_ROLE_SUGGESTIONS } from './labels';
import StationMultiSelect from './StationMultiSelect';
import StatusRadio from './StatusRadio';
import { useNotify } from './useNotify';

export type StaffMember = z.infer<typeof staffMember>;

interface Values {
  name: string;
  phone?: string;
  clearPhone?: boolean;
  roles: string[];
  stationIds: string[];
  active: boolean;
}

/** Adds a staff member (`staff` = 'new') or edits one. */
export default function StaffFormModal({ staff, onClose }: { staff: StaffMember | 'new' | null; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('staff.save');
  const invalidate = useInvalidate();
  const editing = staff !== null && staff !== 'new' ? staff : null;

  const clearPhone = Form.useWatch('clearPhone', form);

  const submit = (v: Values) =>
    save.mutate(
      {
        ...(editing ? { id: editing.id } : {}),
        name: v.name,
        // Left empty on an edit, the number on file stays; the box clears it.
        phone: v.clearPhone ? null : v.phone?.trim() || undefined,
        roles: (v.roles ?? []).map((r) => r.trim()).filter(Boolean),
        stationIds: v.stationIds ?? [],
        active: v.active,
      },
      {
        onSuccess: (s) => {
          invalidate('staff.');
          notify.success(editing ? `“${s.name}”的信息已保存` : `已添加工作人员“${s.name}”`);
          onClose();
        },
        onError: (e) => showApiError(e, (text) => notify.error(text), form, ['name', 'phone', 'roles', 'stationIds', 'active']),
      },
    );

  return (
    <FormModal<Values>
      title={editing ? `编辑工作人员：${editing.name}` : '添加工作人员'}
      open={staff !== null}
      form={form}
      onCancel={onClose}
      onFinish={submit}
      saving={save.isPending}
      initialValues={
        editing
          ? { name: editing.name, roles: editing.roles, stationIds: editing.stationIds, active: editing.active }
          : { roles: [], stationIds: [], active: true }
      }
    >
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
        <Input autoFocus maxLength={30} />
      </Form.Item>
      <Form.Item
        name="phone"
        label="电话"
        extra={
          editing?.phoneMasked
            ? `已登记 ${editing.phoneMasked}（为保护隐私不显示完整号码）。不修改请留空，要更换请输入新号码。`
            : '手机 11 位，座机请带区号，如 010-12345678；可不填'
        }
      >
        <Input inputMode="tel" maxLength={30} placeholder={editing?.phoneMasked ?? ''} autoComplete="off" disabled={clearPhone} />
      </Form.Item>
      {editing?.phoneMasked && (
        <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -12 }}>
          <Checkbox>清除已登记的电话</Checkbox>
        </Form.Item>
      )}
      <Form.Item
        name="roles"
        label="岗位"
        extra="可从列表选择，也可直接输入后按回车添加"
        rules={[
          {
            validator: (_, v?: string[]) =>
              !v || v.every((r) => r.trim().length >= 1 && r.trim().length <= 12)
                ? Promise.resolve()
                : Promise.reject(new Error('每个岗位名称最多 12 个字')),
          },
        ]}
      >
        <Select
          mode="tags"
          placeholder="如：社工、网格员、志愿者"
          tokenSeparators={[',', '，', '、']}
          options={JOB_ROLE_SUGGESTIONS.map((r) => ({ value: r, label: r }))}
          maxCount={10}
        />
      </Form.Item>
      <Form.Item name="stationIds" label="所在驿站">
        <StationMultiSelect placeholder="可多选；不选表示在中心" />
      </Form.Item>
      <Form.Item
        name="active"
        label="在岗情况"
        extra="离职或长期不在岗的请选“不在岗”：不会排进值班表，也不能签到；记录保留"
      >
        <StatusRadio yes="在岗" no="不在岗" />
      </Form.Item>
    </FormModal>
  );
}
