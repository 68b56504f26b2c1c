import { AutoComplete, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { z } from 'zod';
import { HANDLING_MODES, type service } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { useInvalidate } from '../../components/useInvalidate';
import { showApiError } from '../../components/apiErrors';
import FormModal from './FormModal';
import { MODE_LABELS } from './labels';
import StationMultiSelect from './StationMultiSelect';
import StatusRadio from './StatusRadio';
import { useNotify } from './useNotify';

export type Service = z.infer<typeof service>;
type Mode = Service['defaultMode'];

interface Values {
  category: string;
  name: string;
  prefix: string;
  defaultMode: Mode;
  timeLimitDays: number;
  counters: number[];
  stationIds: string[];
  needsAppointment: boolean;
  active: boolean;
}

const COUNTER_OPTIONS = Array.from({ length: 20 }, (_, i) => ({ value: i + 1, label: `${i + 1} 号窗口` }));

interface Props {
  service: Service | 'new' | null;
  /** All services, to suggest categories and to say which ticket letters are taken. */
  all: Service[];
  onClose(): void;
}

export default function ServiceFormModal({ service: target, all, onClose }: Props) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation('services.save');
  const invalidate = useInvalidate();
  const editing = target !== null && target !== 'new' ? target : null;
  const categories = [...new Set(all.map((s) => s.category))].map((c) => ({ value: c }));
  const taken = all.filter((s) => s.active && s.id !== editing?.id);
  const freeLetter = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((l) => !taken.some((s) => s.prefix === l));
  const takenText = taken.length
    ? `已在用：${taken
        .slice()
        .sort((a, b) => a.prefix.localeCompare(b.prefix))
        .map((s) => `${s.prefix} ${s.name}`)
        .join('，')}`
    : '';

  const onFinish = (v: Values) =>
    save.mutate(
      { ...(editing ? { id: editing.id } : {}), ...v, counters: v.counters ?? [], stationIds: v.stationIds ?? [] },
      {
        onSuccess: (s) => {
          invalidate('services.');
          notify.success(editing ? `服务事项“${s.name}”已保存` : `已添加服务事项“${s.name}”`);
          onClose();
        },
        onError: (e) =>
          showApiError(e, (text) => notify.error(text),
            form,
            ['category', 'name', 'prefix', 'defaultMode', 'timeLimitDays', 'counters', 'stationIds', 'needsAppointment', 'active'],
          ),
      },
    );

  return (
    <FormModal<Values>
      title={editing ? `编辑服务事项：${editing.name}` : '添加服务事项'}
      open={target !== null}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={save.isPending}
      width={680}
      initialValues={
        editing
          ? {
              category: editing.category,
              name: editing.name,
              prefix: editing.prefix,
              defaultMode: editing.defaultMode,
              timeLimitDays: editing.timeLimitDays,
              counters: editing.counters,
              stationIds: editing.stationIds,
              needsAppointment: editing.needsAppointment,
              active: editing.active,
            }
          : { prefix: freeLetter, defaultMode: 'immediate', timeLimitDays: 1, counters: [], stationIds: [], needsAppointment: false, active: true }
      }
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="category" label="类别" rules={[{ required: true, whitespace: true, message: '请填写类别' }]}>
            <AutoComplete
              options={categories}
              placeholder="如：社会保障"
              showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
            >
              <Input autoFocus maxLength={20} />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input maxLength={40} placeholder="如：养老保险认证" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="prefix"
        label="取号字母"
        extra={<>号码以这个字母开头，如 A012；每个启用的事项一个字母。{takenText}</>}
        normalize={(v?: string) => v?.toUpperCase()}
        rules={[
          { required: true, whitespace: true, message: '请填写取号字母' },
          { pattern: /^\s*[A-Za-z]\s*$/, message: '取号字母只能是一个英文字母（A–Z）' },
        ]}
      >
        <Input maxLength={2} style={{ width: 80, fontSize: 20, fontWeight: 600, textAlign: 'center' }} />
      </Form.Item>
      <Form.Item name="defaultMode" label="默认办理方式" rules={[{ required: true, message: '请选择办理方式' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={HANDLING_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
        />
      </Form.Item>
      <Form.Item
        name="timeLimitDays"
        label="办理时限"
        extra="按工作日计算，节假日和调休已考虑在内；填 0 表示当天办结"
        rules={[{ required: true, message: '请填写时限' }]}
      >
        <InputNumber min={0} max={365} precision={0} suffix="个工作日" style={{ width: 200 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="counters" label="办理窗口">
            <Select mode="multiple" options={COUNTER_OPTIONS} placeholder="可多选；不选表示任一窗口" allowClear />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="stationIds" label="可办理的驿站">
            <StationMultiSelect placeholder="可多选；不选表示只在中心办理" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="needsAppointment" label="是否需要预约">
            <StatusRadio yes="需要预约" no="不需要" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="active" label="状态" extra="停用后不能再取号，已有记录保留">
            <StatusRadio yes="启用" no="停用" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
