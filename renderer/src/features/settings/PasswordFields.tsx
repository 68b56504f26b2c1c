import { Form, Input } from 'antd';

/** Same rule as the backend: at least 8 characters with a letter and a digit. */
export const PASSWORD_RULES = [
  { required: true, message: '请填写密码' },
  { min: 8, message: '密码至少 8 位' },
  { max: 128, message: '密码太长' },
  {
    validator: (_: unknown, v?: string) =>
      !v || (/[A-Za-z]/.test(v) && /\d/.test(v)) ? Promise.resolve() : Promise.reject(new Error('密码需同时包含字母和数字')),
  },
];

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
        rules={[
          { required: true, message: '请再输入一次密码' },
          ({ getFieldValue }) => ({
            validator: (_, v?: string) =>
              !v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}
