import { useState } from 'react';
import { Radio, Table, Tag } from 'antd';
import type { ImportPreview } from '../../../../../shared/contract';
import { t } from '../../../i18n';
import { importFieldLabel } from './importLabels';

type Row = ImportPreview['rows'][number];

const STATUS_COLOR = { new: 'green', existing: 'blue', error: 'red' } as const;

export function ImportRowsTable({ preview }: { preview: ImportPreview }) {
  const [only, setOnly] = useState<'error' | 'all'>(preview.errorRows > 0 ? 'error' : 'all');
  const rows = only === 'error' ? preview.rows.filter((r) => r.status === 'error') : preview.rows;
  return (
    <div>
      <Radio.Group value={only} onChange={(e) => setOnly(e.target.value as 'error' | 'all')} optionType="button" style={{ marginBottom: 12 }}>
        <Radio.Button value="error">{t('import.onlyErrors')}</Radio.Button>
        <Radio.Button value="all">{t('import.allRows')}</Radio.Button>
      </Radio.Group>
      <Table<Row>
        rowKey="row"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 6, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: only === 'error' ? t('import.noErrors') : t('import.noRows') }}
        columns={[
          { title: t('import.rowNumber'), dataIndex: 'row', width: 80 },
          { title: t('field.name'), dataIndex: 'name', width: 120 },
          {
            title: t('import.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: Row['status']) => <Tag color={STATUS_COLOR[s]}>{t(`import.status.${s}`)}</Tag>,
          },
          {
            title: t('import.problems'),
            key: 'errors',
            render: (_: unknown, r) =>
              r.errors.length === 0
                ? ''
                : r.errors.map((e, i) => (
                    <div key={i} data-testid="import-row-error">
                      {importFieldLabel(e.field)}：{t(e.key, e.params)}
                    </div>
                  )),
          },
        ]}
      />
      {preview.totalRows > preview.rows.length && (
        <div style={{ color: 'var(--ant-color-text-secondary)', marginTop: 8 }}>{t('import.previewLimited', { shown: preview.rows.length, total: preview.totalRows })}</div>
      )}
    </div>
  );
}
