import { App } from 'antd';
import type { Input } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { showApiError } from '../../components/apiErrors';
import { downloadBase64 } from '../../components/files';
import { t } from '../../i18n';

/** Exports what the list shows (the current search and filters) and saves the .xlsx. */
export function useExportResidents() {
  const { message } = App.useApp();
  const exporter = useApiMutation('residents.export');
  const run = (filters: Input<'residents.export'>) =>
    exporter.mutate(filters, {
      onSuccess: (file) => {
        downloadBase64(file.fileName, file.base64);
        message.success(t('residentsPage.exported', { count: file.rows, fileName: file.fileName }));
      },
      onError: (err) => showApiError(err, (text) => message.error(text)),
    });
  return { run, pending: exporter.isPending };
}
