import { useRef, useState } from 'react';
import { Alert, App, Button, Collapse, Modal, Result, Space, Steps, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { IMPORT_FIELDS, type ImportMapping, type ImportPreview, type Output } from '../../../../../shared/contract';
import { useApiMutation } from '../../../api/hooks';
import { appErrorOf } from '../../../components/apiErrors';
import { useInvalidate } from '../../../components/useInvalidate';
import { readFileAsBase64 } from '../../../components/files';
import { errorText, t } from '../../../i18n';
import { ImportChooseFile } from './ImportChooseFile';
import { ImportCounts } from './ImportCounts';
import { ImportMappingForm } from './ImportMappingForm';
import { ImportRowsTable } from './ImportRowsTable';
import { importFieldLabel } from './importLabels';

interface Picked {
  fileName: string;
  fileBase64: string;
}

/** 选择文件 → 核对（preview, nothing written）→ 完成（the rows without errors written in one go）. */
export function ImportResidentsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const previewCall = useApiMutation('residents.importPreview');
  const commitCall = useApiMutation('residents.importCommit');
  const invalidate = useInvalidate();
  const [file, setFile] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<Output<'residents.importCommit'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Bumped on every reset: an answer to a call made before it (the dialog closed, another file chosen) is dropped. */
  const round = useRef(0);

  const step = result ? 2 : preview ? 1 : 0;
  const committing = commitCall.isPending;

  const reset = () => {
    round.current++;
    setFile(null);
    setPreview(null);
    setResult(null);
    setProblem(null);
  };

  const runPreview = (picked: Picked, mapping?: ImportMapping) => {
    setProblem(null);
    const mine = round.current;
    previewCall.mutate(
      { fileBase64: picked.fileBase64, ...(mapping ? { mapping } : {}) },
      {
        onSuccess: (p) => {
          if (round.current === mine) setPreview(p);
        },
        onError: (err) => {
          if (round.current !== mine) return;
          const e = appErrorOf(err);
          const field = e.field?.startsWith('mapping.') ? e.field.slice('mapping.'.length) : null;
          setProblem(field ? `${importFieldLabel(field)}：${errorText(e)}` : errorText(e));
        },
      },
    );
  };

  const onFile = async (f: File) => {
    const mine = round.current;
    try {
      const picked = { fileName: f.name, fileBase64: await readFileAsBase64(f) };
      if (round.current !== mine) return;
      setFile(picked);
      setPreview(null);
      runPreview(picked);
    } catch {
      message.error(t('import.readFailed'));
    }
  };

  const commit = () => {
    if (!file || !preview || committing) return;
    commitCall.mutate(
      { fileBase64: file.fileBase64, mapping: preview.mapping },
      {
        onSuccess: (r) => {
          invalidate('residents.', 'grid.');
          setResult(r);
        },
        onError: (err) => setProblem(errorText(appErrorOf(err))),
      },
    );
  };

  // While the rows are being written the dialog stays open: closing it would look like a cancel.
  const close = () => {
    if (!committing) onClose();
  };

  const footer =
    step === 0 ? (
      <Button size="large" onClick={onClose}>
        {t('common.cancel')}
      </Button>
    ) : step === 1 ? (
      <Space>
        <Button size="large" onClick={reset} disabled={committing}>
          {t('import.chooseAgain')}
        </Button>
        <Button size="large" onClick={close} disabled={committing}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" size="large" loading={commitCall.isPending} disabled={previewCall.isPending} onClick={commit}>
          {t('import.commit', { count: preview?.newRows ?? 0 })}
        </Button>
      </Space>
    ) : (
      <Button type="primary" size="large" onClick={onClose}>
        {t('import.finish')}
      </Button>
    );

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={1000}
      style={{ top: 24 }}
      onCancel={close}
      closable={!committing}
      keyboard={!committing}
      afterClose={reset}
      footer={footer}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Steps
        current={step}
        size="small"
        style={{ margin: '8px 0 24px' }}
        items={[{ title: t('import.step.choose') }, { title: t('import.step.check') }, { title: t('import.step.done') }]}
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="import-problem" />}
      {step === 0 && <ImportChooseFile busy={previewCall.isPending} onFile={(f) => void onFile(f)} />}
      {step === 1 && preview && file && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text>
            <FileExcelOutlined style={{ color: '#217346', marginRight: 8 }} />
            {t('import.fileInfo', { fileName: file.fileName, sheet: preview.sheetName, rows: preview.totalRows })}
          </Typography.Text>
          <ImportCounts preview={preview} />
          <Collapse
            defaultActiveKey={preview.errorRows === preview.totalRows ? ['mapping'] : []}
            items={[
              {
                key: 'mapping',
                label: t('import.mappingTitle', { count: IMPORT_FIELDS.filter((f) => preview.mapping[f] !== null).length }),
                children: (
                  <ImportMappingForm
                    headers={preview.headers}
                    mapping={preview.mapping}
                    disabled={previewCall.isPending}
                    onChange={(m) => runPreview(file, m)}
                  />
                ),
              },
            ]}
          />
          <ImportRowsTable key={`${preview.errorRows}-${preview.totalRows}`} preview={preview} />
        </Space>
      )}
      {step === 2 && result && (
        <Result
          status="success"
          title={t('import.doneTitle')}
          subTitle={<span data-testid="import-result" style={{ fontSize: 18, color: 'var(--ant-color-text)' }}>{t('import.doneSummary', { created: result.created, existing: result.existing, skipped: result.skippedErrors })}</span>}
        />
      )}
    </Modal>
  );
}
