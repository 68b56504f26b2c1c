import { Alert, Button, Descriptions, Drawer, Space, Tag } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { OFFICE, type Resident } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { chineseDate, chineseDateTime, genderLabel } from '../../components/format';
import { PageSpinner } from '../../components/PageSpinner';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { fullAddress } from './residentFormat';
import { RevealableValue } from './RevealableValue';

interface Props {
  residentId: string | null;
  onClose: () => void;
  onEdit: (r: Resident) => void;
  onVoid: (r: Resident) => void;
}

export function ResidentDetailDrawer({ residentId, onClose, onEdit, onVoid }: Props) {
  const me = useMe();
  const canManage = OFFICE.includes(me.role);
  const query = useApiQuery('residents.get', { id: residentId ?? '' }, { enabled: !!residentId });
  const r = query.data;
  /** A shown full number is hidden again when the record changes (an edit): it may be the old number. */
  const revealKey = r ? `${r.id}:${r.updatedAt}` : '';

  return (
    <Drawer
      open={!!residentId}
      onClose={onClose}
      size={560}
      title={r ? t('resident.detailTitle', { name: r.name }) : t('resident.detail')}
      destroyOnHidden
      extra={
        r &&
        canManage && (
          <Space>
            <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(r)}>
              {t('common.edit')}
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={() => onVoid(r)}>
              {t('resident.voidButton')}
            </Button>
          </Space>
        )
      }
    >
      {query.isLoading && <PageSpinner />}
      {query.error && <Alert type="error" showIcon title={failureText(query.error)} />}
      {r && (
        <Descriptions
          column={1}
          bordered
          size="middle"
          styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'name', label: t('field.name'), children: <strong style={{ fontSize: 18 }}>{r.name}</strong> },
            { key: 'gender', label: t('field.gender'), children: genderLabel(r.gender) },
            { key: 'birthDate', label: t('field.birthDate'), children: r.birthDate ? `${chineseDate(r.birthDate)}（${t('resident.ageYears', { age: r.age ?? '' })}）` : t('common.none') },
            { key: 'idNumber', label: t('field.idNumber'), children: <RevealableValue key={revealKey} residentId={r.id} field="idNumber" masked={r.idNumberMasked} canReveal={canManage} /> },
            { key: 'phone', label: t('field.phone'), children: <RevealableValue key={revealKey} residentId={r.id} field="phone" masked={r.phoneMasked} canReveal={canManage} /> },
            { key: 'address', label: t('field.address'), children: fullAddress(r) || t('common.none') },
            { key: 'tags', label: t('field.tags'), children: r.tags.length ? r.tags.map((tag) => <Tag key={tag} color="volcano">{tag}</Tag>) : t('common.none') },
            { key: 'notes', label: t('field.notes'), children: r.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</span> : t('common.none') },
            { key: 'updatedAt', label: t('resident.updatedAt'), children: chineseDateTime(r.updatedAt) },
          ]}
        />
      )}
    </Drawer>
  );
}
