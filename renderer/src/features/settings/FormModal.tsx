import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';

interface Props<V> {
  title: ReactNode;
  open: boolean;
  form: FormInstance<V>;
  onCancel(): void;
  onFinish(values: V): void;
  saving: boolean;
  okText?: string;
  width?: number;
  initialValues?: Partial<V>;
  children: ReactNode;
}

/**
 * A dialog whose whole body and footer are one <form>: Enter in any field saves, the OK button is
 * the form's submit button, and the form starts afresh every time the dialog opens.
 */
export default function FormModal<V extends object>(props: Props<V>) {
  const { title, open, form, onCancel, onFinish, saving, okText = '保存', width = 560, initialValues, children } = props;
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      okText={okText}
      cancelText="取消"
      width={width}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      mask={{ closable: false }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<V>
          form={form}
          layout="vertical"
          requiredMark
          initialValues={initialValues}
          onFinish={onFinish}
          clearOnDestroy
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
