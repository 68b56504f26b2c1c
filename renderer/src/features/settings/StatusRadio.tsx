import { Radio } from 'antd';

interface Props {
  value?: boolean;
  onChange?: (v: boolean) => void;
  id?: string;
  /** The words for true and false, e.g. 启用 / 停用. */
  yes: string;
  no: string;
}

/** A yes/no state as two plainly worded buttons: clearer than a switch for "is this on?". */
export default function StatusRadio({ value, onChange, id, yes, no }: Props) {
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value as boolean)}
      optionType="button"
      buttonStyle="solid"
      options={[
        { value: true, label: yes },
        { value: false, label: no },
      ]}
    />
  );
}
