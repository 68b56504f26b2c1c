import { useState } from 'react';
import { Select } from 'antd';
import { useApiQuery } from '../../../api/hooks';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { t } from '../../../i18n';

interface Props {
  value?: string;
  onChange?: (id: string) => void;
  id?: string;
  autoFocus?: boolean;
}

/** Finds a registered household by the head's name, pinyin initials or 低保证号. */
export function HouseholdSelect({ value, onChange, id, autoFocus }: Props) {
  const [q, setQ] = useState('');
  const typed = useDebouncedValue(q.trim(), 150);
  const search = useApiQuery('households.list', { q: typed || undefined, limit: 10, offset: 0 });
  return (
    <Select<string>
      id={id}
      autoFocus={autoFocus}
      size="large"
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={t('applicationForm.householdPlaceholder')}
      aria-label={t('applicationForm.household')}
      showSearch={{ filterOption: false, searchValue: q, onSearch: setQ }}
      defaultActiveFirstOption
      loading={search.isFetching}
      notFoundContent={search.isFetching ? t('common.loading') : t('applicationForm.householdNone')}
      options={(search.data?.rows ?? []).map((h) => ({
        value: h.id,
        label: (
          <span>
            <strong>{h.headName}</strong>
            <span className="resident-option-meta">{[h.address, h.hardshipTypes.join('、')].filter(Boolean).join(' · ')}</span>
          </span>
        ),
      }))}
    />
  );
}
