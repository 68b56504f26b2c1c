import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Radio, Select } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { PRIORITY_REASONS, type IssuedTicket } from '../../../../shared/contract/queue';
import { useApiQuery } from '../../api/hooks';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { t } from '../../i18n';
import { printSlip } from './printSlip';
import { reasonLabel } from './ticketLabels';
import { useQueueAction } from './useQueueAction';

interface Values {
  serviceId: string;
  priorityReason: (typeof PRIORITY_REASONS)[number] | 'none';
  residentId?: string;
  print: boolean;
}

/** 取号 at the desk: a service, a priority reason if any, the resident if known, then the slip. */
export function IssuePanel({ slipPrinter }: { slipPrinter: string }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [issued, setIssued] = useState<IssuedTicket | null>(null);
  const services = useApiQuery('services.list', {});
  const term = useDebouncedValue(q.trim(), 250);
  const residents = useApiQuery('residents.search', { q: term, limit: 8 }, { enabled: term.length > 0, placeholderData: keepPreviousData });
  const issue = useQueueAction('queue.issue');

  const serviceOptions = (services.data ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: `${s.prefix} · ${s.name}` }));
  const residentOptions = term
    ? (residents.data?.rows ?? []).map((r) => ({
        value: r.id,
        label: [r.name, r.age !== null ? t('queuePage.issue.age', { age: r.age }) : '', r.phoneMasked ?? ''].filter(Boolean).join('　'),
      }))
    : [];

  const onFinish = (v: Values) =>
    issue.run(
      { serviceId: v.serviceId, priorityReason: v.priorityReason === 'none' ? null : v.priorityReason, residentId: v.residentId ?? null },
      (out) => {
        setIssued(out);
        void message.success(t('queuePage.issue.done', { number: out.ticket.number, service: out.ticket.serviceName, ahead: out.ahead }));
        form.setFieldsValue({ priorityReason: 'none', residentId: undefined });
        setQ('');
        if (v.print) void printSlip(out, slipPrinter);
      },
    );

  return (
    <Card size="small" title={t('queuePage.issueTitle')} style={{ marginTop: 16 }} className="issue-panel">
      {services.data && serviceOptions.length === 0 && <Alert type="warning" showIcon title={t('queuePage.issue.noServices')} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ priorityReason: 'none', print: true }} onFinish={onFinish}>
        <Form.Item name="serviceId" label={t('queuePage.issue.service')} rules={[{ required: true, message: t('queuePage.issue.serviceRequired') }]}>
          <Select
            size="large"
            placeholder={t('queuePage.issue.servicePlaceholder')}
            options={serviceOptions}
            loading={services.isPending}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="priorityReason" label={t('queuePage.issue.priority')}>
          <Radio.Group
            optionType="button"
            options={[{ value: 'none', label: t('queuePage.issue.none') }, ...PRIORITY_REASONS.map((r) => ({ value: r, label: reasonLabel(r) }))]}
          />
        </Form.Item>
        <Form.Item name="residentId" label={t('queuePage.issue.resident')} extra={t('queuePage.issue.residentHint')}>
          <Select
            size="large"
            allowClear
            placeholder={t('queuePage.issue.residentPlaceholder')}
            showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
            options={residentOptions}
            loading={residents.isFetching}
            notFoundContent={term && residents.data ? t('queuePage.issue.noResident') : null}
          />
        </Form.Item>
        <div className="issue-submit">
          <Form.Item name="print" valuePropName="checked" noStyle>
            <Checkbox>{t('queuePage.issue.print')}</Checkbox>
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={issue.pending}>
            {t('queuePage.issue.submit')}
          </Button>
        </div>
      </Form>
      {issued && (
        <Alert
          type="success"
          style={{ marginTop: 12 }}
          title={t('queuePage.issue.last', { number: issued.ticket.number, service: issued.ticket.serviceName, ahead: issued.ahead })}
          action={
            <Button size="small" onClick={() => void printSlip(issued, slipPrinter)}>
              {t('queuePage.issue.reprint')}
            </Button>
          }
        />
      )}
    </Card>
  );
}
