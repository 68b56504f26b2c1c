import { useState } from 'react';
import { Alert, Button, Result, Typography, Upload } from 'antd';
import { ShopOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { readFileAsBase64 } from '../../components/files';
import { t } from '../../i18n';

/**
 * First run on a partner's PC: the package file from the centre makes this PC a till (the shop, the
 * centre's public keys and cards, the cashier accounts). Then the cashiers log in.
 */
export function PartnerSetup() {
  const qc = useQueryClient();
  const setup = useApiMutation('system.setupPartner');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<Output<'system.setupPartner'> | null>(null);

  const run = async (file: File) => {
    setProblem(null);
    let fileBase64: string;
    try {
      fileBase64 = await readFileAsBase64(file);
    } catch {
      setProblem(t('tillPackage.readFailed'));
      return;
    }
    setup.mutate({ fileBase64 }, { onSuccess: setDone, onError: (err) => setProblem(failureText(err)) });
  };

  if (done) {
    return (
      <Result
        status="success"
        icon={<ShopOutlined />}
        title={t('partnerSetup.doneTitle', { shop: done.partnerName })}
        subTitle={
          <div style={{ fontSize: 17 }} data-testid="partner-setup-done">
            <div>{t('partnerSetup.doneCentre', { centre: done.centreName })}</div>
            <div>{t('partnerSetup.doneUsers', { users: done.verifiers.join('、') })}</div>
            <div>{t('partnerSetup.doneHint')}</div>
          </div>
        }
        extra={
          // The status now says set up: the setup gate sends the page on to the login.
          <Button type="primary" size="large" onClick={() => void qc.invalidateQueries({ queryKey: ['system.status'] })}>
            {t('partnerSetup.toLogin')}
          </Button>
        }
      />
    );
  }

  return (
    <div data-testid="partner-setup">
      <Typography.Paragraph style={{ fontSize: 17 }}>{t('partnerSetup.subtitle')}</Typography.Paragraph>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          void run(file);
          return false;
        }}
      >
        <Button type="primary" size="large" icon={<UploadOutlined />} loading={setup.isPending} style={{ height: 52, fontSize: 20 }}>
          {setup.isPending ? t('partnerSetup.reading') : t('partnerSetup.choose')}
        </Button>
      </Upload>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="partner-setup-problem" />}
    </div>
  );
}
