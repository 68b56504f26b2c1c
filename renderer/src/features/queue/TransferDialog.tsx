import { Form, Modal, Radio, Select, Typography } from 'antd';
import type { Ticket } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { useQueueAction } from './useQueueAction';

interface Values {
  kind: 'service' | 'counter';
  serviceId?: string;
  targetCounter?: number;
}

interface Props {
  ticket: Ticket | null;
  counterNumber: number;
  counterCount: number;
  onClose(): void;
}

/** 转窗: the called ticket goes back to waiting, at another service or for another counter. */
export function TransferDialog({ ticket, counterNumber, counterCount, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'service';
  const services = useApiQuery('services.list', {}, { enabled: ticket !== null });
  const transfer = useQueueAction('queue.transfer', () => (ticket ? t('queuePage.transferredMsg', { number: ticket.number }) : null));

  const onFinish = (v: Values) => {
    if (!ticket) return;
    transfer.run(
      {
        counter: counterNumber,
        ticketId: ticket.id,
        serviceId: v.kind === 'service' ? (v.serviceId ?? null) : null,
        targetCounter: v.kind === 'counter' ? (v.targetCounter ?? null) : null,
      },
      onClose,
    );
  };

  const serviceOptions = (services.data ?? [])
    .filter((s) => s.active && s.id !== ticket?.serviceId)
    .map((s) => ({ value: s.id, label: `${s.prefix} · ${s.name}` }));
  const counterOptions = Array.from({ length: counterCount }, (_, i) => i + 1)
    .filter((n) => n !== counterNumber)
    .map((n) => ({ value: n, label: t('queuePage.counterOption', { counter: n }) }));

  return (
    <Modal
      title={ticket ? t('queuePage.transferTitle', { number: ticket.number }) : ''}
      open={ticket !== null}
      onCancel={onClose}
      okText={t('queuePage.transfer.ok')}
      cancelText={t('queuePage.cancel')}
      confirmLoading={transfer.pending}
      okButtonProps={{ htmlType: 'submit', size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'service' }} onFinish={onFinish} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      <Form.Item name="kind" label={t('queuePage.transfer.kind')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="large"
          options={[
            { value: 'service', label: t('queuePage.transfer.toService') },
            { value: 'counter', label: t('queuePage.transfer.toCounter') },
          ]}
        />
      </Form.Item>
      {kind === 'service' ? (
        <Form.Item name="serviceId" label={t('queuePage.transfer.service')} rules={[{ required: true, message: t('queuePage.transfer.serviceRequired') }]}>
          <Select size="large" options={serviceOptions} loading={services.isPending} showSearch={{ optionFilterProp: 'label' }} autoFocus />
        </Form.Item>
      ) : (
        <Form.Item name="targetCounter" label={t('queuePage.transfer.counter')} rules={[{ required: true, message: t('queuePage.transfer.counterRequired') }]}>
          <Select size="large" options={counterOptions} />
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('queuePage.transfer.hint')}
      </Typography.Paragraph>
    </Modal>
  );
}
