import { Form, InputNumber, Select } from 'antd';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { showApiError } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import FormModal from '../../settings/FormModal';
import StatusRadio from '../../settings/StatusRadio';
import { useNotify } from '../../settings/useNotify';
import type { StationService } from './AppointmentSettingsTab';

interface Values {
  stationId: string;
  serviceId: string;
  slotMinutes: number;
  capacity: number;
  active: boolean;
}

const FIELDS = ['stationId', 'serviceId', 'slotMinutes', 'capacity', 'active'];

/** 开通 / 编辑 one service at one station: how long a slot is and how many it takes. */
export function StationServiceFormModal({ target, onClose }: { target: StationService | 'new' | null; onClose(): void }) {
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const stations = useApiQuery('stations.list', {});
  const services = useApiQuery('services.list', {});
  const save = useApiMutation('stationServices.save');
  const invalidate = useInvalidate();
  const editing = target !== null && target !== 'new' ? target : null;

  const onFinish = (v: Values) =>
    save.mutate(
      { ...(editing ? { id: editing.id } : {}), ...v, hours: editing?.hours ?? null },
      {
        onSuccess: () => {
          invalidate('stationServices.', 'appointments.');
          void notify.success(t('apptSettings.saved'));
          onClose();
        },
        onError: (e) => showApiError(e, (text) => void notify.error(text), form, FIELDS),
      },
    );

  const required = (message: string) => [{ required: true, message }];
  return (
    <FormModal<Values>
      title={editing ? t('apptSettings.editTitle') : t('apptSettings.newTitle')}
      open={target !== null}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      saving={save.isPending}
      initialValues={editing ?? { slotMinutes: 20, capacity: 1, active: true }}
    >
      <Form.Item name="stationId" label={t('apptSettings.station')} rules={required(t('apptSettings.stationRequired'))}>
        <Select
          size="large"
          disabled={!!editing}
          loading={stations.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(stations.data ?? []).filter((s) => s.active || s.id === editing?.stationId).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="serviceId" label={t('apptSettings.service')} rules={required(t('apptSettings.serviceRequired'))}>
        <Select
          size="large"
          disabled={!!editing}
          loading={services.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(services.data ?? []).filter((s) => s.active || s.id === editing?.serviceId).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="slotMinutes" label={t('apptSettings.slotMinutes')} rules={required(t('apptSettings.numberRequired'))}>
        <InputNumber size="large" min={5} max={480} precision={0} suffix={t('apptSettings.minutesUnit')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="capacity" label={t('apptSettings.capacity')} rules={required(t('apptSettings.numberRequired'))}>
        <InputNumber size="large" min={1} max={500} precision={0} suffix={t('apptSettings.peopleUnit')} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="active" label={t('apptSettings.active')}>
        <StatusRadio yes={t('apptSettings.activeOn')} no={t('apptSettings.activeOff')} />
      </Form.Item>
    </FormModal>
  );
}
