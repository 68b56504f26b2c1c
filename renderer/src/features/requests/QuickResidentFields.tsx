import { Button, Col, Form, Input, Radio, Row } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { chineseDate, genderLabel } from '../../components/format';
import { t } from '../../i18n';
import { GridNodeSelect } from '../grid/GridNodeSelect';
import { idNumberInfo } from '../residents/idNumberInfo';

export interface QuickResidentValues {
  name: string;
  phone?: string;
  idNumber?: string;
  gender?: 'M' | 'F';
  buildingId?: string | null;
  unit?: string;
  room?: string;
}

/** Backend field names of residents.create → where they sit in the request form. */
export const QUICK_RESIDENT_FIELDS = ['name', 'phone', 'idNumber', 'gender', 'buildingId', 'unit', 'room'];

/**
 * A new resident in a few fields, saved together with the request. The ID number is checked by the
 * backend (its message lands on the field); a valid one gives the gender and birth date.
 */
export function QuickResidentFields({ onCancel }: { onCancel: () => void }) {
  const form = Form.useFormInstance();
  const idNumber = Form.useWatch(['newResident', 'idNumber'], form) as string | undefined;
  const derived = idNumberInfo(idNumber);
  const needsGender = !idNumber?.trim();

  return (
    <div className="quick-resident" data-testid="quick-resident">
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
        <strong>{t('requestForm.newResidentTitle')}</strong>
        <Button size="small" type="text" icon={<CloseOutlined />} onClick={onCancel}>
          {t('requestForm.newResidentCancel')}
        </Button>
      </div>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name={['newResident', 'name']} label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input autoFocus maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name={['newResident', 'phone']} label={t('field.phone')}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={11}>
          <Form.Item
            name={['newResident', 'idNumber']}
            label={t('field.idNumber')}
            extra={
              derived ? (
                <span style={{ color: 'var(--ant-color-success-text)' }}>
                  {t('resident.idDerived', { birthDate: chineseDate(derived.birthDate), gender: genderLabel(derived.gender) })}
                </span>
              ) : undefined
            }
          >
            <Input maxLength={30} style={{ fontFamily: 'var(--mono, monospace)' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name={['newResident', 'gender']}
            label={t('field.gender')}
            required={needsGender}
            rules={[{ required: needsGender, message: t('resident.gender.required') }]}
          >
            <Radio.Group disabled={!needsGender}>
              <Radio value="M">{t('gender.M')}</Radio>
              <Radio value="F">{t('gender.F')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name={['newResident', 'buildingId']} label={t('field.building')}>
            <GridNodeSelect buildingsOnly placeholder={t('resident.buildingPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={['newResident', 'unit']} label={t('field.unit')}>
            <Input maxLength={10} placeholder={t('resident.unitPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={['newResident', 'room']} label={t('field.room')}>
            <Input maxLength={10} placeholder={t('resident.roomPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
