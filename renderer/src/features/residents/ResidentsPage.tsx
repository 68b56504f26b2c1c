import { useCallback, useRef, useState } from 'react';
import { Alert, Button, Space, Typography, type InputRef } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { OFFICE, type Resident } from '../../../../shared/contract';
import { useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { t } from '../../i18n';
import { useMe } from '../../app/session/SessionContext';
import { ImportResidentsDialog } from './import/ImportResidentsDialog';
import { ResidentDetailDrawer } from './ResidentDetailDrawer';
import { ResidentFilters } from './ResidentFilters';
import { ResidentFormDialog, type ResidentFormState } from './ResidentFormDialog';
import { ResidentTable } from './ResidentTable';
import { useExportResidents } from './useExportResidents';
import { VoidResidentDialog } from './VoidResidentDialog';

export default function ResidentsPage() {
  const me = useMe();
  const canManage = OFFICE.includes(me.role);
  const searchRef = useRef<InputRef>(null);
  const [q, setQ] = useState('');
  const [params] = useSearchParams();
  const [gridNodeId, setGridNodeId] = useState<string | undefined>(() => params.get('grid') ?? undefined);
  const [tag, setTag] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<ResidentFormState | null>(null);
  const [voiding, setVoiding] = useState<Resident | null>(null);
  const [importing, setImporting] = useState(false);
  const exporter = useExportResidents();

  const debouncedQ = useDebouncedValue(q.trim(), 250);
  const filters = { q: debouncedQ, gridNodeId, tag };
  const search = useApiQuery(
    'residents.search',
    { ...filters, limit: pageSize, offset: (page - 1) * pageSize },
    { placeholderData: keepPreviousData },
  );
  const rows = search.data?.rows ?? [];

  const closeForm = useCallback(() => setForm(null), []);
  const onSaved = useCallback((r: Resident) => {
    setForm(null);
    setOpenId(r.id);
  }, []);

  return (
    <div>
      <div className="page-title">
        <Typography.Title level={2}>{t('residentsPage.title')}</Typography.Title>
        {canManage && (
          <Space wrap>
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })}>
              {t('residentsPage.add')}
            </Button>
            <Button size="large" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('residentsPage.import')}
            </Button>
            <Button size="large" icon={<DownloadOutlined />} loading={exporter.pending} onClick={() => exporter.run(filters)}>
              {t('residentsPage.export')}
            </Button>
          </Space>
        )}
      </div>
      <ResidentFilters
        q={q}
        gridNodeId={gridNodeId}
        tag={tag}
        searchRef={searchRef}
        onQ={(v) => {
          setQ(v);
          setPage(1);
        }}
        onGridNode={(v) => {
          setGridNodeId(v);
          setPage(1);
        }}
        onTag={(v) => {
          setTag(v);
          setPage(1);
        }}
        onEnter={() => {
          if (rows[0] && debouncedQ === q.trim()) setOpenId(rows[0].id);
        }}
      />
      {search.error && <Alert type="error" showIcon title={failureText(search.error)} style={{ marginBottom: 16 }} />}
      <ResidentTable
        rows={rows}
        total={search.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={search.isFetching && !search.data}
        onPageChange={(p, size) => {
          setPage(size === pageSize ? p : 1);
          setPageSize(size);
        }}
        onOpen={(r) => setOpenId(r.id)}
      />
      <ResidentDetailDrawer
        residentId={openId}
        onClose={() => {
          setOpenId(null);
          searchRef.current?.focus();
        }}
        onEdit={(r) => setForm({ mode: 'edit', resident: r })}
        onVoid={setVoiding}
      />
      <ResidentFormDialog state={form} onClose={closeForm} onSaved={onSaved} />
      <VoidResidentDialog
        resident={voiding}
        onClose={() => setVoiding(null)}
        onVoided={() => {
          setVoiding(null);
          setOpenId(null);
        }}
      />
      <ImportResidentsDialog open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
