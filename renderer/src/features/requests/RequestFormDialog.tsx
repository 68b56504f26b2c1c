import { useEffect, useMemo, useState } from 'react';
import { App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { CHANNELS, type RequestDetail, type Resident } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { appErrorOf, showApiError } from '../../components/apiErrors';
import { chineseDate } from '../../components/format';
import { useInvalidate } from '../../components/useInvalidate';
import { useNow } from '../../components/useNow';
import { t } from '../../i18n';
import { duplicateResidentQuestion } from '../residents/duplicateResidentQuestion';
import { DueDatePicker } from './DueDateField';
import { ModeCards } from './ModeCards';
import { QUICK_RESIDENT_FIELDS, QuickResidentFields } from './QuickResidentFields';
import { channelLabel } from './requestLabels';
import { REQUEST_FORM_FIELDS, residentAddress, toCreateInput, toResidentInput, type RequestFormValues } from './requestFormValues';
import { ResidentPicker } from './ResidentPicker';
import { RoutingFields } from './RoutingFields';
import { storedCounter } from './storedCounter';
import './requests.css';

export interface RequestFormDialogProps {
  open: boolean;
  onClose(): void;
  /** Opened from a called ticket at a counter: the ticket is linked and its service preselected. */
  ticket?: { id: string; number: string; serviceId: string; residentId?: string | null };
  counter?: number;
  onCreated?(request: RequestDetail): void;
}

/** 登记诉求: who, what, which service and channel, and how it is handled — in one keyboard-fast form. */
export function RequestFormDialog({ open, onClose, ticket, counter: counterProp, onCreated }: RequestFormDialogProps) {
  const [form] = Form.useForm<RequestFormValues>();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const createResident = useApiMutation('residents.create');
  const createRequest = useApiMutation('requests.create');
  const services = useApiQuery('services.list', {}, { enabled: open });
  const stations = useApiQuery('stations.list', {}, { enabled: open });
  const ticketResident = useApiQuery('residents.get', { id: ticket?.residentId ?? '' }, { enabled: open && !!ticket?.residentId });
  /** Undefined until the worker picks or clears one: then the ticket's resident, if it has one. */
  const [picked, setPicked] = useState<Resident | null | undefined>(undefined);
  const [creatingResident, setCreatingResident] = useState(false);
  const [storedAtOpen, setStoredAtOpen] = useState(storedCounter);
  const today = shanghaiDate(useNow(60_000));
  // Each opening starts afresh (the dialog can stay mounted between openings).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setPicked(undefined);
      setCreatingResident(false);
      setStoredAtOpen(storedCounter());
    }
  }
  const resident = picked === undefined ? (ticket?.residentId ? (ticketResident.data ?? null) : null) : picked;
  const setResident = (r: Resident | null) => setPicked(r);
  const counter = counterProp ?? storedAtOpen;

  const serviceId = Form.useWatch('serviceId', form);
  const mode = Form.useWatch('mode', form);
  const channel = Form.useWatch('channel', form);
  const service = services.data?.find((s) => s.id === serviceId);
  const due = useApiQuery('calendar.addWorkingDays', { from: today, days: service?.timeLimitDays ?? 0 }, { enabled: open && !!service });

  // The service's default handling mode, until the worker picks one.
  useEffect(() => {
    if (service && !form.isFieldTouched('mode')) form.setFieldValue('mode', service.defaultMode);
  }, [service, form]);

  // The due date from the service's time limit, until the worker picks another.
  useEffect(() => {
    if (due.data && !form.isFieldTouched('dueDate')) form.setFieldValue('dueDate', dayjs(due.data.date));
  }, [due.data, form]);

  // A visit goes to the resident's home unless another place is typed.
  useEffect(() => {
    if ((mode === 'onsite' || mode === 'homevisit') && resident && !form.getFieldValue('visitAddress')) {
      form.setFieldValue('visitAddress', residentAddress(resident));
    }
  }, [mode, resident, form]);

  const activeServices = useMemo(() => (services.data ?? []).filter((s) => s.active || s.id === ticket?.serviceId), [services.data, ticket?.serviceId]);

  /** Saves the quick-create resident; asks before saving a same-name-and-phone one. Null when refused. */
  const saveResident = async (v: RequestFormValues, confirmDuplicate = false): Promise<Resident | null> => {
    try {
      const r = await createResident.mutateAsync(toResidentInput(v.newResident!, confirmDuplicate));
      invalidate('residents.', 'grid.');
      setResident(r);
      setCreatingResident(false);
      form.setFieldValue('residentId', r.id);
      return r;
    } catch (err) {
      const e = appErrorOf(err);
      if (e.key === 'resident.duplicate.namePhone' && !confirmDuplicate) {
        const again = await new Promise<boolean>((resolve) =>
          modal.confirm({ ...duplicateResidentQuestion(e.params), onOk: () => resolve(true), onCancel: () => resolve(false) }),
        );
        return again ? saveResident(v, true) : null;
      }
      showApiError(err, (text) => message.error(text), form, (field) =>
        QUICK_RESIDENT_FIELDS.includes(field) ? ['newResident', field] : null,
      );
      return null;
    }
  };

  const submit = async (v: RequestFormValues) => {
    let residentId = resident?.id ?? null;
    if (creatingResident) {
      const r = await saveResident(v);
      if (!r) return;
      residentId = r.id;
    }
    try {
      const detail = await createRequest.mutateAsync(
        toCreateInput(v, residentId, ticket?.id ?? null, counter, form.isFieldTouched('dueDate')),
      );
      invalidate('requests.', 'figures.', 'queue.');
      message.success(
        detail.status === 'resolved'
          ? t('requestForm.createdResolved', { number: detail.number })
          : t('requestForm.created', { number: detail.number }),
      );
      onCreated?.(detail);
      onClose();
    } catch (err) {
      showApiError(err, (text) => message.error(text), form, REQUEST_FORM_FIELDS);
    }
  };

  const saving = createResident.isPending || createRequest.isPending;

  return (
    <Modal
      open={open}
      title={ticket ? t('requestForm.titleTicket', { number: ticket.number }) : t('requestForm.title')}
      width={960}
      style={{ top: 16 }}
      okText={t('requestForm.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(dom) => (
        <Form<RequestFormValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          preserve={false}
          clearOnDestroy
          scrollToFirstError
          initialValues={{ serviceId: ticket?.serviceId, channel: counter ? 'window' : undefined }}
        >
          {dom}
        </Form>
      )}
    >
      {creatingResident ? (
        <QuickResidentFields onCancel={() => setCreatingResident(false)} />
      ) : (
        <Form.Item name="residentId" label={t('requestForm.resident')} extra={resident ? undefined : t('requestForm.residentHint')}>
          <ResidentPicker
            autoFocus={!ticket?.residentId}
            resident={resident}
            onResident={setResident}
            onCreateNew={(typed) => {
              setCreatingResident(true);
              const isPhone = /^[\d-]{7,}$/.test(typed);
              form.setFieldValue('newResident', isPhone ? { phone: typed } : { name: typed });
            }}
          />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="serviceId" label={t('requestForm.service')} rules={[{ required: true, message: t('requestForm.serviceRequired') }]}>
            <Select<string>
              size="large"
              showSearch={{ optionFilterProp: 'label' }}
              loading={services.isPending}
              placeholder={t('requestForm.servicePlaceholder')}
              options={activeServices.map((s) => ({ value: s.id, label: `${s.prefix} ${s.name}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="channel" label={t('requestForm.channel')} rules={[{ required: true, message: t('requestForm.channelRequired') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" size="large" options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))} />
          </Form.Item>
        </Col>
      </Row>
      {channel === 'county' && (
        <Form.Item name="originRef" label={t('requestForm.originRef')} extra={t('requestForm.originRefHint')}>
          <Input size="large" maxLength={60} />
        </Form.Item>
      )}
      {channel === 'station' && (
        <Form.Item name="stationId" label={t('requestForm.station')}>
          <Select<string>
            size="large"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(stations.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="description"
        label={t('requestForm.description')}
        rules={[{ required: true, whitespace: true, message: t('requestForm.descriptionRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount placeholder={t('requestForm.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item name="mode" label={t('requestForm.mode')} rules={[{ required: true, message: t('requestForm.modeRequired') }]}>
        <ModeCards />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          {mode === 'immediate' ? (
            <Form.Item name="resolvedNow" label={t('requestForm.resolvedNow')} extra={t('requestForm.resolvedNowHint')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder={t('requestForm.resolvedNowPlaceholder')} />
            </Form.Item>
          ) : (
            <RoutingFields mode={mode} />
          )}
        </Col>
        <Col span={10}>
          <Form.Item
            name="dueDate"
            label={t('requestForm.dueDate')}
            extra={service ? t('requestForm.dueDateHint', { days: service.timeLimitDays, date: due.data ? chineseDate(due.data.date) : '…' }) : undefined}
          >
            <DueDatePicker today={today} />
          </Form.Item>
        </Col>
      </Row>
    </Modal>
  );
}
