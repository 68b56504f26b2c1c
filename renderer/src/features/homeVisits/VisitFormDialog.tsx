import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { HomeVisit, RequestDetail, Resident } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useInvalidate } from '../../components/useInvalidate';
import { useNow } from '../../components/useNow';
import { t } from '../../i18n';
import { fullAddress } from '../residents/residentFormat';
import { dayWithWeekday, defaultSlot, DURATIONS, durationLabel, shanghaiNow, timeOptions, visitSpan } from './visitWords';

/** What the dialog does: a new visit (from a request or directly) or another time for a planned one. */
export type VisitFormTarget = { kind: 'create'; request?: RequestDetail } | { kind: 'reschedule'; visit: HomeVisit };

interface Values {
  staffId: string;
  day: Dayjs;
  startMinute: number;
  durationMinutes: number;
  residentId?: string | null;
  address?: string;
  purpose?: string;
}

const FIELDS = ['staffId', 'day', 'startMinute', 'durationMinutes', 'residentId', 'address', 'purpose'];

function initialValues(target: VisitFormTarget, nowMs: number): Partial<Values> {
  if (target.kind === 'reschedule') {
    const v = target.visit;
    return { staffId: v.staffId, day: dayjs(v.day), startMinute: v.startMinute, durationMinutes: v.durationMinutes };
  }
  const now = shanghaiNow(nowMs);
  const slot = defaultSlot(now.today, now.minute);
  const r = target.request;
  return {
    staffId: r?.assigneeStaffId ?? undefined,
    day: dayjs(slot.day),
    startMinute: slot.startMinute,
    durationMinutes: 60,
    address: r ? (r.visitAddress ?? r.residentAddress ?? undefined) : undefined,
    purpose: r ? r.description.slice(0, 200) : undefined,
  };
}

/** Finds a resident for a direct visit; choosing one fills the address from their home. */
function ResidentSearch({ value, onChange, onResident }: { value?: string | null; onChange?: (id: string | null) => void; onResident: (r: Resident | null) => void }) {
  const [q, setQ] = useState('');
  const typed = useDebouncedValue(q.trim(), 150);
  const search = useApiQuery('residents.search', { q: typed, limit: 8, offset: 0 }, { enabled: typed.length > 0 });
  const rows = typed ? (search.data?.rows ?? []) : [];
  const [chosen, setChosen] = useState<Resident | null>(null);
  return (
    <Select<string>
      size="large"
      allowClear
      value={value ?? undefined}
      placeholder={t('homeVisits.field.residentPlaceholder')}
      showSearch={{ filterOption: false, searchValue: q, onSearch: setQ }}
      loading={search.isFetching}
      options={[...(chosen && !rows.some((r) => r.id === chosen.id) ? [chosen] : []), ...rows].map((r) => ({
        value: r.id,
        label: [r.name, r.phoneMasked ?? '', fullAddress(r)].filter(Boolean).join(' · '),
      }))}
      onChange={(id) => {
        const r = rows.find((x) => x.id === id) ?? null;
        setChosen(r);
        onResident(r);
        onChange?.(id ?? null);
      }}
    />
  );
}

/** 安排上门 / 新建上门 / 改期: staff, day, time and length; a new one also where and why. */
export function VisitFormDialog({ target, onClose }: { target: VisitFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const staff = useApiQuery('staff.list', {});
  const create = useApiMutation('homeVisits.create');
  const reschedule = useApiMutation('homeVisits.reschedule');
  const nowMs = useNow(60_000);
  const today = shanghaiNow(nowMs).today;

  const current = target?.kind === 'reschedule' ? target.visit : null;
  const staffOptions = (staff.data ?? []).filter((s) => s.active || s.id === current?.staffId).map((s) => ({ value: s.id, label: s.name }));

  const done = (key: string) => (v: HomeVisit) => {
    invalidate('homeVisits.', 'requests.', 'figures.');
    message.success(t(key, { when: `${dayWithWeekday(v.day)} ${visitSpan(v)} ${v.staffName}` }));
    onClose();
  };
  const failed = (err: unknown) => showApiError(err, (text) => message.error(text), form, FIELDS);

  const submit = (v: Values) => {
    const when = { staffId: v.staffId, day: v.day.format('YYYY-MM-DD'), startMinute: v.startMinute, durationMinutes: v.durationMinutes };
    if (!target) return;
    if (target.kind === 'reschedule') {
      reschedule.mutate({ id: target.visit.id, ...when }, { onSuccess: done('homeVisits.rescheduled'), onError: failed });
      return;
    }
    create.mutate(
      { ...when, requestId: target.request?.id ?? null, residentId: v.residentId ?? null, address: v.address ?? null, purpose: v.purpose ?? null },
      { onSuccess: done('homeVisits.created'), onError: failed },
    );
  };

  const title =
    target?.kind === 'reschedule'
      ? t('homeVisits.rescheduleTitle')
      : target?.request
        ? t('homeVisits.planTitle', { number: target.request.number })
        : t('homeVisits.createTitle');

  return (
    <Modal
      open={!!target}
      title={title}
      width={640}
      okText={target?.kind === 'reschedule' ? t('homeVisits.saveReschedule') : t('homeVisits.save')}
      okButtonProps={{ htmlType: 'submit', size: 'large' }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={create.isPending || reschedule.isPending}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} clearOnDestroy initialValues={target ? initialValues(target, nowMs) : {}}>
          {dom}
        </Form>
      )}
    >
      <div data-testid="visit-form">
        <Form.Item name="staffId" label={t('homeVisits.field.staff')} rules={[{ required: true, message: t('homeVisits.field.staffRequired') }]}>
          <Select size="large" showSearch={{ optionFilterProp: 'label' }} options={staffOptions} loading={staff.isLoading} data-testid="visit-staff" />
        </Form.Item>
        <div className="home-visit-when">
          <Form.Item name="day" label={t('homeVisits.field.day')} rules={[{ required: true, message: t('homeVisits.field.dayRequired') }]}>
            <DatePicker
              size="large"
              allowClear={false}
              format="YYYY-MM-DD"
              disabledDate={(d) => d.format('YYYY-MM-DD') < today}
              data-testid="visit-day"
            />
          </Form.Item>
          <Form.Item name="startMinute" label={t('homeVisits.field.time')} rules={[{ required: true, message: t('homeVisits.field.timeRequired') }]}>
            <Select size="large" showSearch={{ optionFilterProp: 'label' }} options={timeOptions(current?.startMinute)} style={{ width: 130 }} data-testid="visit-time" />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('homeVisits.field.duration')} rules={[{ required: true, message: t('homeVisits.field.durationRequired') }]}>
            <Select
              size="large"
              options={[...new Set([...DURATIONS, current?.durationMinutes ?? 60])].sort((a, b) => a - b).map((m) => ({ value: m, label: durationLabel(m) }))}
              style={{ width: 130 }}
              data-testid="visit-duration"
            />
          </Form.Item>
        </div>
        {target?.kind === 'create' && !target.request && (
          <Form.Item name="residentId" label={t('homeVisits.field.resident')}>
            <ResidentSearch onResident={(r) => r && form.setFieldValue('address', fullAddress(r))} />
          </Form.Item>
        )}
        {target?.kind === 'create' && (
          <>
            <Form.Item name="address" label={t('homeVisits.field.address')} rules={[{ required: true, whitespace: true, message: t('homeVisits.field.addressRequired') }]}>
              <Input size="large" maxLength={120} />
            </Form.Item>
            <Form.Item name="purpose" label={t('homeVisits.field.purpose')} rules={[{ required: true, whitespace: true, message: t('homeVisits.field.purposeRequired') }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder={t('homeVisits.field.purposePlaceholder')} />
            </Form.Item>
          </>
        )}
      </div>
    </Modal>
  );
}
