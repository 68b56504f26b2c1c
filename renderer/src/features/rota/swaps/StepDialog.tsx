import { useState } from 'react';
import { Alert, Input, Modal } from 'antd';
import { failureText } from '../../../components/apiErrors';
import { t } from '../../../i18n';

/**
 * Asks one named person for their PIN (or the admin for a note) and runs the step. The PIN is cleared
 * after every try and never kept.
 */
export function StepDialog(props: {
  open: boolean;
  title: string;
  /** Whose PIN ('' = no PIN: an admin's step). */
  pinOf: string;
  noteLabel?: string;
  noteRequired?: boolean;
  okText: string;
  danger?: boolean;
  run(values: { pin: string; note: string }): Promise<unknown>;
  onClose(): void;
}) {
  const [pin, setPin] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setPin('');
    setNote('');
    setError(null);
    props.onClose();
  };
  const ok = async () => {
    if (props.pinOf && !/^\d{4,8}$/.test(pin)) return setError(t('rota.pin.format'));
    if (props.noteRequired && !note.trim()) return setError(t('rota.step.noteRequired'));
    setBusy(true);
    try {
      await props.run({ pin, note: note.trim() });
      close();
    } catch (e) {
      setPin('');
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={close}
      onOk={() => void ok()}
      okText={props.okText}
      okButtonProps={{ size: 'large', danger: props.danger, loading: busy }}
      cancelButtonProps={{ size: 'large' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {props.pinOf && (
        <label className="rota-field">
          <span>{t('rota.step.pinOf', { name: props.pinOf })}</span>
          <Input.Password
            size="large"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            onPressEnter={() => void ok()}
            maxLength={8}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            style={{ width: 220 }}
            data-testid="rota-step-pin"
          />
        </label>
      )}
      {props.noteLabel && (
        <label className="rota-field">
          <span>{props.noteLabel}</span>
          <Input size="large" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} data-testid="rota-step-note" />
        </label>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
