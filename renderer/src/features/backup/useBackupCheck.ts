import { useState } from 'react';
import { App, Form } from 'antd';
import { clearErrorsOf, showBackupError } from './backupErrors';
import { restoreInput, type RestoreValues } from './backupText';

const FIELDS = ['file', 'passphrase'];
type CheckInput = ReturnType<typeof restoreInput>;

/**
 * 检查备份, shared by 设置 and the first-run screen: the file and passphrase as checked, with what the
 * backup holds (forgotten when a field changes); refusals shown at their fields. `showError` puts a
 * restore's refusal there too.
 */
export function useBackupCheck<R>(check: (input: CheckInput) => Promise<R>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RestoreValues>();
  const [checked, setChecked] = useState<{ input: CheckInput; result: R } | null>(null);
  const showError = (e: unknown) => showBackupError(e, (m) => message.error(m), form, FIELDS);
  const onInspect = (v: RestoreValues) => {
    setChecked(null);
    const input = restoreInput(v);
    check(input).then((result) => setChecked({ input, result }), showError);
  };
  const onValuesChange = (changed: object) => {
    setChecked(null);
    clearErrorsOf(form, changed);
  };
  return { form, checked, onInspect, onValuesChange, showError };
}
