import { Select } from 'antd';
import { ROLES, type Role } from '../../../../shared/contract';
import { ROLE_HELP, ROLE_LABELS } from './labels';

interface Props {
  value?: Role;
  onChange?: (v: Role) => void;
  id?: string;
}

/** A login role, with what it may do written under its name. */
export default function RoleSelect(props: Props) {
  return (
    <Select<Role>
      {...props}
      placeholder="请选择角色"
      options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], help: ROLE_HELP[r] }))}
      optionRender={(o) => (
        <div>
          <div>{o.label}</div>
          <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)', whiteSpace: 'normal' }}>{o.data.help}</div>
        </div>
      )}
    />
  );
}
