import { useState } from 'react';
import { Button, Space } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import type { Resident } from '../../../../../shared/contract';
import { genderLabel } from '../../../components/format';
import { t } from '../../../i18n';
import { ResidentPicker } from '../../requests/ResidentPicker';
import '../../requests/requests.css';
import { ResidentFormDialog } from '../../residents/ResidentFormDialog';
import { fullAddress } from '../../residents/residentFormat';

/** A chosen resident as the household form keeps it: enough to show who it is without asking again. */
export interface Person {
  id: string;
  name: string;
  meta: string;
  address: string;
}

export function personOf(r: Resident): Person {
  const meta = [genderLabel(r.gender), r.age !== null ? t('resident.ageYears', { age: r.age }) : '', r.idNumberMasked ?? '', r.phoneMasked ?? '']
    .filter(Boolean)
    .join(' · ');
  return { id: r.id, name: r.name, meta, address: fullAddress(r) };
}

interface Props {
  value?: Person;
  onChange?: (p: Person | undefined) => void;
  id?: string;
  autoFocus?: boolean;
}

/**
 * A form control for one resident: search as in the request form (name, pinyin initials, phone, part
 * of the ID number); 新居民 registers one on the spot in the resident form.
 */
export function PersonField({ value, onChange, id, autoFocus }: Props) {
  const [creating, setCreating] = useState(false);
  if (value) {
    return (
      <div className="resident-chosen" data-testid="person-chosen">
        <Space wrap size={4}>
          <strong style={{ fontSize: 18 }}>{value.name}</strong>
          <span className="resident-option-meta">{value.meta}</span>
        </Space>
        <Button icon={<SwapOutlined />} onClick={() => onChange?.(undefined)}>
          {t('householdForm.changePerson')}
        </Button>
      </div>
    );
  }
  return (
    <>
      <ResidentPicker
        id={id}
        autoFocus={autoFocus}
        resident={null}
        onResident={(r) => r && onChange?.(personOf(r))}
        onCreateNew={() => setCreating(true)}
      />
      <ResidentFormDialog
        state={creating ? { mode: 'create' } : null}
        onClose={() => setCreating(false)}
        onSaved={(r) => {
          setCreating(false);
          onChange?.(personOf(r));
        }}
      />
    </>
  );
}
