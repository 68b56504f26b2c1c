import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Modal } from 'antd';
import { t } from '../../i18n';

interface Props {
  name: string | null;
  /** A new number for each opening and each refusal: the typed digits start afresh. */
  attempt: number;
  busy: boolean;
  error: string | null;
  onSubmit(pin: string, action: 'in' | 'out'): void;
  onClose(): void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** The big PIN pad: digits shown as dots only, big keys for a finger, then 签到 or 签退. */
export function PinPad({ name, attempt, busy, error, onSubmit, onClose }: Props) {
  const round = attempt;
  const [entry, setEntry] = useState({ round, pin: '' });
  const pin = entry.round === round ? entry.pin : '';
  const press = useCallback(
    (k: (typeof KEYS)[number]) =>
      setEntry((e) => {
        const was = e.round === round ? e.pin : '';
        const next = k === 'clear' ? '' : k === 'back' ? was.slice(0, -1) : was.length < 8 ? was + k : was;
        return { round, pin: next };
      }),
    [round],
  );
  // A keyboard's digits work too (the PC may have no touch screen).
  useEffect(() => {
    if (name === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) press(e.key as (typeof KEYS)[number]);
      else if (e.key === 'Backspace') press('back');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [name, press]);
  const ready = pin.length >= 4 && !busy;

  return (
    <Modal open={name !== null} onCancel={onClose} footer={null} width={460} centered destroyOnHidden title={null}>
      <div className="pin-pad" data-testid="pin-pad">
        <div className="pin-title">{t('checkin.pinTitle', { name: name ?? '' })}</div>
        <div className="pin-dots" data-testid="pin-dots" aria-label="PIN">
          {pin.length === 0 ? <span className="pin-empty">····</span> : '●'.repeat(pin.length)}
        </div>
        {error && <Alert type="error" showIcon title={error} className="pin-error" data-testid="pin-error" />}
        <div className="pin-keys">
          {KEYS.map((k) => (
            <Button key={k} className="pin-key" size="large" onClick={() => press(k)} aria-label={k}>
              {k === 'clear' ? t('checkin.clear') : k === 'back' ? t('checkin.back') : k}
            </Button>
          ))}
        </div>
        <div className="pin-actions">
          <Button type="primary" className="pin-action" disabled={!ready} loading={busy} onClick={() => onSubmit(pin, 'in')}>
            {t('checkin.in')}
          </Button>
          <Button className="pin-action pin-action-out" disabled={!ready} loading={busy} onClick={() => onSubmit(pin, 'out')}>
            {t('checkin.out')}
          </Button>
        </div>
        <Button type="link" size="large" onClick={onClose} block>
          {t('checkin.cancel')}
        </Button>
      </div>
    </Modal>
  );
}
