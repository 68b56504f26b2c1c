import { Button } from 'antd';
import { t } from '../../i18n';

interface Props {
  masked: string;
  cleared: boolean;
  onClear: (cleared: boolean) => void;
  testId: string;
}

/** Under an ID/phone field when editing: what is on file (masked), that an empty box keeps it, and a way to clear it. */
export function StoredValueHint({ masked, cleared, onClear, testId }: Props) {
  return (
    <span data-testid={testId}>
      {cleared ? t('resident.storedWillClear') : t('resident.storedKeep', { masked })}
      <Button type="link" size="small" onClick={() => onClear(!cleared)} style={{ paddingInline: 6 }}>
        {cleared ? t('resident.storedUndoClear') : t('resident.storedClear')}
      </Button>
    </span>
  );
}
