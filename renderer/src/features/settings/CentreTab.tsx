import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Skeleton } from 'antd';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText, showApiError } from '../../components/apiErrors';
import { useInvalidate } from '../../components/useInvalidate';
import { useNotify } from './useNotify';

interface CentreValues {
  centreName: string;
  centreCode: string;
  idleLockMinutes: number;
}

/** 中心设置: the centre's name and code, and after how many idle minutes the screen locks. */
export default function CentreTab() {
  const notify = useNotify();
  const [form] = Form.useForm<CentreValues>();
  const settings = useApiQuery('settings.get', {});
  const save = useApiMutation('settings.update');
  const invalidate = useInvalidate();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={failureText(settings.error)} />;

  const onFinish = (v: CentreValues) =>
    save.mutate(v, {
      onSuccess: () => {
        // The header shows the centre's name and the idle lock uses the minutes: both are re-read.
        invalidate('settings.', 'system.status', 'session.get');
        void notify.success('中心设置已保存');
      },
      onError: (e) => showApiError(e, (text) => notify.error(text), form, ['centreName', 'centreCode', 'idleLockMinutes']),
    });

  return (
    <Card title="中心设置" style={{ maxWidth: 640 }}>
      <Form<CentreValues>
        form={form}
        layout="vertical"
        initialValues={settings.data}
        onFinish={onFinish}
        requiredMark
        size="large"
      >
        <Form.Item
          name="centreName"
          label="中心名称"
          extra="显示在登录页、取号小票和爱心卡上"
          rules={[
            { required: true, whitespace: true, message: '请填写中心名称' },
            { max: 60, message: '最多 60 个字' },
          ]}
        >
          <Input placeholder="如：幸福街道党群服务中心" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="centreCode"
          label="中心编码"
          extra="县级平台分配的编码，2–20 位字母或数字；印在爱心卡二维码里，发卡后请不要随意修改"
          rules={[
            { required: true, whitespace: true, message: '请填写中心编码' },
            { pattern: /^\s*[A-Za-z0-9]{2,20}\s*$/, message: '中心编码只能是 2–20 位字母或数字' },
          ]}
        >
          <Input placeholder="如：XF01" maxLength={20} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item
          name="idleLockMinutes"
          label="无人操作自动锁屏（分钟）"
          extra="离开座位这么久后屏幕自动锁定，需输入密码解锁；可填 1–240"
          rules={[{ required: true, message: '请填写分钟数' }]}
        >
          <InputNumber min={1} max={240} precision={0} suffix="分钟" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存设置
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
