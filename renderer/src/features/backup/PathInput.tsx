import { Button, Input, Space } from 'antd';
import { FileOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { t } from '../../i18n';

type Kind = 'folder' | 'backupFile';

/** The desktop window offers the system's chooser; a browser has none, so the path is typed there. */
export function canChoosePath(): boolean {
  return typeof window.lianxin?.choosePath === 'function';
}

/** What to say under a path field: in a browser, that the path is on this PC and typed in full. */
export function pathHint(): string | undefined {
  return canChoosePath() ? undefined : t('backupPath.browserHint');
}

interface Props {
  kind: Kind;
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
}

/** A path on the PC that runs the app: typed or pasted, or picked with 选择文件夹… / 选择备份文件… in the desktop window. */
export function PathInput({ kind, id, value, onChange, placeholder }: Props) {
  const choose = async () => {
    const picked = await window.lianxin?.choosePath?.(kind);
    if (picked) onChange?.(picked);
  };
  const input = (
    <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} placeholder={placeholder} maxLength={1000} autoComplete="off" spellCheck={false} />
  );
  if (!canChoosePath()) return input;
  return (
    <Space.Compact style={{ width: '100%' }}>
      {input}
      <Button icon={kind === 'folder' ? <FolderOpenOutlined /> : <FileOutlined />} onClick={() => void choose()}>
        {kind === 'folder' ? t('backupPath.chooseFolder') : t('backupPath.chooseFile')}
      </Button>
    </Space.Compact>
  );
}
