import { useState, type Ref } from 'react';
import { Button, Input, type InputRef } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { t } from '../../i18n';

interface Props {
  inputRef: Ref<InputRef>;
  pending: boolean;
  /** Changes with every verification: the field is emptied for the next card. */
  clearKey: number;
  onSubmit(code: string): void;
}

/**
 * 扫码或输入卡号: the scanner types here (or anywhere on the page); a typed card number and Enter
 * verifies too. The text is this field's own state, so a scanner's burst of keys re-renders only it.
 */
export function ScanBar({ inputRef, pending, clearKey, onSubmit }: Props) {
  const [value, onChange] = useState('');
  const [cleared, setCleared] = useState(clearKey);
  if (cleared !== clearKey) {
    setCleared(clearKey);
    onChange('');
  }
  return (
    <div className="scan-bar">
      <label htmlFor="till-code" className="scan-label">
        {t('verify.codeLabel')}
      </label>
      <Input
        id="till-code"
        ref={inputRef}
        className="scan-input"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        maxLength={400}
        prefix={<ScanOutlined />}
        placeholder={t('verify.codePlaceholder')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onPressEnter={() => onSubmit(value)}
        data-testid="till-code"
      />
      <Button type="primary" className="scan-submit" loading={pending} disabled={value.trim() === ''} onClick={() => onSubmit(value)}>
        {t('verify.submit')}
      </Button>
    </div>
  );
}
