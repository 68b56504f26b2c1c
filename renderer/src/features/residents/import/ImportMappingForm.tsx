import { Col, Row, Select } from 'antd';
import { IMPORT_FIELDS, type ImportMapping } from '../../../../../shared/contract';
import { t } from '../../../i18n';
import { columnLetter, importFieldLabel } from './importLabels';

const SKIP = -1;

interface Props {
  headers: string[];
  mapping: ImportMapping;
  disabled: boolean;
  onChange: (m: ImportMapping) => void;
}

/** Which spreadsheet column holds which field; prefilled from the file's titles, changeable per field. */
export function ImportMappingForm({ headers, mapping, disabled, onChange }: Props) {
  const columns = headers.map((h, i) => ({ value: i, label: `${columnLetter(i)} 列：${h || t('import.untitled')}` }));
  return (
    <Row gutter={[16, 8]}>
      {IMPORT_FIELDS.map((field) => (
        <Col span={6} key={field}>
          <label style={{ display: 'block', marginBottom: 4 }}>
            {importFieldLabel(field)}
            {field === 'name' && <span style={{ color: 'var(--ant-color-error)' }}> *</span>}
          </label>
          <Select
            aria-label={importFieldLabel(field)}
            data-testid={`mapping-${field}`}
            style={{ width: '100%' }}
            disabled={disabled}
            value={mapping[field] ?? SKIP}
            options={field === 'name' ? columns : [{ value: SKIP, label: t('import.skipColumn') }, ...columns]}
            onChange={(v: number) => onChange({ ...mapping, [field]: v === SKIP ? null : v })}
          />
        </Col>
      ))}
    </Row>
  );
}
