import { Table, Tag, type TableProps } from 'antd';
import type { Resident } from '../../../../shared/contract';
import { genderLabel } from '../../components/format';
import { openableRow } from '../../components/openableRow';
import { t } from '../../i18n';
import { fullAddress } from './residentFormat';

interface Props {
  rows: Resident[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (r: Resident) => void;
}

const columns: TableProps<Resident>['columns'] = [
  { title: t('field.name'), dataIndex: 'name', width: 110, render: (name: string) => <strong>{name}</strong> },
  { title: t('field.gender'), dataIndex: 'gender', width: 64, render: genderLabel },
  { title: t('field.age'), dataIndex: 'age', width: 64, render: (age: number | null) => age ?? '' },
  { title: t('field.idNumber'), dataIndex: 'idNumberMasked', width: 200, render: (v: string | null) => <span className="masked-value">{v ?? ''}</span> },
  { title: t('field.phone'), dataIndex: 'phoneMasked', width: 140, render: (v: string | null) => <span className="masked-value">{v ?? ''}</span> },
  { title: t('field.address'), key: 'address', render: (_: unknown, r) => fullAddress(r) },
  {
    title: t('field.tags'),
    dataIndex: 'tags',
    width: 200,
    render: (tags: string[]) => tags.map((tag) => <Tag key={tag} color="volcano" style={{ marginBottom: 2 }}>{tag}</Tag>),
  },
];

export function ResidentTable({ rows, total, page, pageSize, loading, onPageChange, onOpen }: Props) {
  return (
    <Table<Resident>
      className="clickable-rows"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      size="middle"
      locale={{ emptyText: t('residentsPage.noMatch') }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => t('residentsPage.total', { count: n }),
        onChange: onPageChange,
      }}
      onRow={(r) => openableRow(() => onOpen(r))}
    />
  );
}
