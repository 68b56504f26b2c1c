import { Select } from 'antd';
import { useApiQuery } from '../../api/hooks';

interface Props {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  placeholder?: string;
}

/** Pick one or more stations (驿站); closed ones are marked. */
export default function StationMultiSelect({ value, onChange, id, placeholder = '可多选；不选表示不限驿站' }: Props) {
  const stations = useApiQuery('stations.list', {});
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={stations.isPending}
      placeholder={placeholder}
      options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name}（已停用）` }))}
      notFoundContent="还没有驿站，可先在“驿站”页添加"
    />
  );
}
