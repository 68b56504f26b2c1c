import { Form, Input, type FormRule } from 'antd';
import { confirmPasswordRule, passwordStrengthRules } from '../accounts/passwordRules';

/** Same rule as the backend: at least 8 characters with a letter and a digit. */
export const PASSWORD_RULES: FormRule[] = [{ required: true, message: '请填写密码' }, { max: 128, message: '密码太长' }, ...passwordStrengthRules()];

/** A password and its confirmation, for a new account or a reset. */
export default function PasswordFields({ label = '密码', autoFocus = false }: { label?: string; autoFocus?: boolean }) {
  return (
    <>
      <Form.Item name="password" label={label} extra="至少 8 位，需同时包含字母和数字" rules={PASSWORD_RULES}>
        <Input.Password autoComplete="new-password" maxLength={128} autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="再输入一次"
        dependencies={['password']}
        rules={[{ required: true, message: '请再输入一次密码' }, confirmPasswordRule('password')]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}
