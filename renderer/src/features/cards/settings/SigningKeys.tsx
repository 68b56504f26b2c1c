import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { failureText, showApiError } from '../../../components/apiErrors';
import { chineseDateTime } from '../../../components/format';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';

/** The centre's signing keys with their fingerprints (to compare by phone with a shop), and 更换签名密钥. */
export function SigningKeys() {
  const { message, modal } = App.useApp();
  const keys = useApiQuery('cards.keys', {});
  const rotate = useApiMutation('cards.rotateKey');
  const invalidate = useInvalidate();

  const ask = () =>
    modal.confirm({
      title: t('signingKeys.rotateTitle'),
      content: (
        <div>
          <p>{t('signingKeys.rotateExplain1')}</p>
          <p>{t('signingKeys.rotateExplain2')}</p>
          <p style={{ marginBottom: 0 }}>{t('signingKeys.rotateExplain3')}</p>
        </div>
      ),
      okText: t('signingKeys.rotateOk'),
      cancelText: t('common.cancel'),
      width: 560,
      okButtonProps: { size: 'large' },
      cancelButtonProps: { size: 'large' },
      onOk: () =>
        rotate.mutateAsync({}).then(
          (rows) => {
            invalidate('cards.');
            const current = rows.find((k) => k.current);
            message.success(t('signingKeys.rotated', { id: current?.keyId ?? '' }));
          },
          (err: unknown) => {
            showApiError(err, (text) => message.error(text));
          },
        ),
    });

  return (
    <Card
      title={t('signingKeys.title')}
      style={{ maxWidth: 880, marginTop: 16 }}
      extra={
        <Button size="large" icon={<KeyOutlined />} onClick={ask} loading={rotate.isPending}>
          {t('signingKeys.rotate')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('signingKeys.explain')}</Typography.Paragraph>
      {keys.isError && <Alert type="error" showIcon title={failureText(keys.error)} />}
      <div data-testid="signing-keys">
        <Table
          rowKey="keyId"
          size="middle"
          pagination={false}
          loading={keys.isPending}
          dataSource={keys.data ?? []}
          columns={[
            { title: t('signingKeys.keyId'), dataIndex: 'keyId', width: 90, render: (id: number) => t('signingKeys.keyNo', { id }) },
            { title: t('signingKeys.createdAt'), dataIndex: 'createdAt', width: 220, render: (ms: number) => chineseDateTime(ms) },
            { title: t('signingKeys.fingerprint'), dataIndex: 'fingerprint', render: (f: string) => <span className="card-number">{f}</span> },
            { title: t('signingKeys.state'), dataIndex: 'current', width: 110, render: (c: boolean) => (c ? <Tag color="green">{t('signingKeys.current')}</Tag> : <Tag>{t('signingKeys.old')}</Tag>) },
          ]}
        />
      </div>
    </Card>
  );
}
