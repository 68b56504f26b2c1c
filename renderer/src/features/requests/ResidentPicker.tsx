import { useRef, useState } from 'react';
import { Button, Select, Space, Tag } from 'antd';
import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Resident } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { genderLabel } from '../../components/format';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { t } from '../../i18n';
import { fullAddress } from '../residents/residentFormat';

interface Props {
  /** The form's value: the chosen resident's id. */
  value?: string | null;
  onChange?: (id: string | null) => void;
  id?: string;
  resident: Resident | null;
  onResident: (r: Resident | null) => void;
  /** 新居民: what was typed so far becomes the new resident's name or phone. */
  onCreateNew: (typed: string) => void;
  autoFocus?: boolean;
}

function residentMeta(r: Resident): string {
  return [genderLabel(r.gender), r.age !== null ? t('resident.ageYears', { age: r.age }) : '', r.phoneMasked ?? '', fullAddress(r)]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Finds a resident while typing: name, pinyin initials (zxf), phone or a piece of the ID number. Enter
 * takes the first match, so two keystrokes and Enter pick most people.
 */
export function ResidentPicker({ onChange, id, resident, onResident, onCreateNew, autoFocus }: Props) {
  const [q, setQ] = useState('');
  // The select empties its search when its list closes, which a click on 新居民 causes (focus leaves
  // first); that emptying is not the worker's doing, so the typed text is kept for the new resident.
  const focused = useRef(false);
  const onSearch = (text: string) => {
    if (text === '' && !focused.current) return;
    setQ(text);
  };
  const typed = useDebouncedValue(q.trim(), 150);
  const search = useApiQuery('residents.search', { q: typed, limit: 8, offset: 0 }, { enabled: typed.length > 0 });
  const rows = typed ? (search.data?.rows ?? []) : [];

  const choose = (r: Resident | null) => {
    onResident(r);
    onChange?.(r?.id ?? null);
    setQ('');
  };

  if (resident) {
    return (
      <div className="resident-chosen" data-testid="resident-chosen">
        <Space wrap size={4}>
          <strong style={{ fontSize: 18 }}>{resident.name}</strong>
          <span className="resident-option-meta">{residentMeta(resident)}</span>
          {resident.tags.map((tag) => (
            <Tag key={tag} color="volcano">
              {tag}
            </Tag>
          ))}
        </Space>
        <Button icon={<SwapOutlined />} onClick={() => choose(null)}>
          {t('requestForm.changeResident')}
        </Button>
      </div>
    );
  }

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<string>
        id={id}
        autoFocus={autoFocus}
        size="large"
        style={{ flex: 1 }}
        value={null}
        placeholder={t('requestForm.residentPlaceholder')}
        aria-label={t('requestForm.residentSearch')}
        showSearch={{ filterOption: false, searchValue: q, onSearch }}
        onFocus={() => (focused.current = true)}
        onBlur={() => (focused.current = false)}
        defaultActiveFirstOption
        loading={search.isFetching}
        suffixIcon={null}
        notFoundContent={
          typed ? (search.isFetching ? t('common.loading') : t('requestForm.residentNone')) : t('requestForm.residentTypeHint')
        }
        options={rows.map((r) => ({
          value: r.id,
          label: (
            <span>
              <strong>{r.name}</strong>
              <span className="resident-option-meta">{residentMeta(r)}</span>
            </span>
          ),
        }))}
        onChange={(v) => choose(rows.find((r) => r.id === v) ?? null)}
      />
      <Button size="large" icon={<UserAddOutlined />} onClick={() => onCreateNew(q.trim())}>
        {t('requestForm.newResident')}
      </Button>
    </Space.Compact>
  );
}
