import { DatePicker, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CHANNELS, HANDLING_MODES, REQUEST_STATUSES, type Input as ApiInput } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { t } from '../../i18n';
import { channelLabel, modeLabel, statusLabel } from './requestLabels';

export type RequestFilterValues = Omit<ApiInput<'requests.export'>, 'q'> & { q: string };

interface Props {
  value: RequestFilterValues;
  onChange: (v: RequestFilterValues) => void;
}

/** Text, status (with 未办结 and 已逾期), mode, channel, service and the period received. */
export function RequestFilters({ value, onChange }: Props) {
  const services = useApiQuery('services.list', {});
  const set = (patch: Partial<RequestFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Space wrap size={12} style={{ marginBottom: 16 }}>
      <Input
        autoFocus
        allowClear
        size="large"
        prefix={<SearchOutlined />}
        placeholder={t('requestsPage.searchPlaceholder')}
        aria-label={t('requestsPage.search')}
        value={value.q}
        onChange={(e) => set({ q: e.target.value })}
        style={{ width: 240 }}
        maxLength={40}
      />
      <Select
        allowClear
        size="large"
        style={{ width: 130 }}
        aria-label={t('requestsPage.filterStatus')}
        placeholder={t('requestsPage.filterStatus')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={[
          { value: 'open', label: t('requestsPage.statusOpen') },
          { value: 'overdue', label: t('requestsPage.statusOverdue') },
          ...REQUEST_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
        ]}
      />
      <Select
        allowClear
        size="large"
        style={{ width: 150 }}
        aria-label={t('requestsPage.filterMode')}
        placeholder={t('requestsPage.filterMode')}
        value={value.mode}
        onChange={(mode) => set({ mode })}
        options={HANDLING_MODES.map((m) => ({ value: m, label: modeLabel(m) }))}
      />
      <Select
        allowClear
        size="large"
        style={{ width: 120 }}
        aria-label={t('requestsPage.filterChannel')}
        placeholder={t('requestsPage.filterChannel')}
        value={value.channel}
        onChange={(channel) => set({ channel })}
        options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))}
      />
      <Select
        allowClear
        size="large"
        style={{ width: 150 }}
        aria-label={t('requestsPage.filterService')}
        placeholder={t('requestsPage.filterService')}
        value={value.serviceId}
        onChange={(serviceId) => set({ serviceId })}
        showSearch={{ optionFilterProp: 'label' }}
        options={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      />
      <DatePicker.RangePicker
        size="large"
        aria-label={t('requestsPage.filterPeriod')}
        placeholder={[t('requestsPage.from'), t('requestsPage.to')]}
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(range) =>
          set({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
        }
        style={{ width: 250 }}
      />
    </Space>
  );
}
