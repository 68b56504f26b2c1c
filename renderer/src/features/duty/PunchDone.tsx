import { useEffect } from 'react';
import { Button, Modal, Tag } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { PunchResult } from '../../../../shared/contract/duty';
import { t } from '../../i18n';
import { clockText, punchFlags } from './dutyWords';

/** The big green confirmation after a check-in or check-out; it goes by itself after a few seconds. */
export function PunchDone({ result, onClose }: { result: PunchResult | null; onClose(): void }) {
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(onClose, 8_000);
    return () => clearTimeout(timer);
  }, [result, onClose]);
  const flags = result ? punchFlags(result) : [];
  return (
    <Modal open={result !== null} onCancel={onClose} footer={null} width={560} centered title={null}>
      {result && (
        <div className="punch-done" data-testid="punch-done">
          <CheckCircleFilled className="punch-done-icon" />
          <div className="punch-done-name">{result.name}</div>
          <div className="punch-done-what">{t(result.action === 'in' ? 'checkin.doneIn' : 'checkin.doneOut')}</div>
          <div className="punch-done-time">{t('checkin.atTime', { time: clockText(result.at), station: result.stationName })}</div>
          {result.shift && <div className="punch-done-shift">{t('checkin.shift', result.shift)}</div>}
          {flags.length > 0 && (
            <div className="punch-done-flags" data-testid="punch-flags">
              {flags.map((f) => (
                <Tag key={f.text} color={f.color} className="punch-flag">
                  {f.text}
                </Tag>
              ))}
            </div>
          )}
          <Button type="primary" size="large" onClick={onClose} className="punch-done-ok">
            {t('checkin.ok')}
          </Button>
        </div>
      )}
    </Modal>
  );
}
