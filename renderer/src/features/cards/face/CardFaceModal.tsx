import { useEffect, useRef } from 'react';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useApiMutation } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { PageSpinner } from '../../../components/PageSpinner';
import { useInvalidate } from '../../../components/useInvalidate';
import { t } from '../../../i18n';
import { CardFace } from './CardFace';
import { printCardFace } from './printCardFace';

/**
 * 打印卡面: the face at real size, then 打印. Fetching the face is itself recorded (the audit log and
 * the card's events say it was printed), so it is fetched once per opening, not cached.
 */
export function CardFaceModal({ cardId, onClose }: { cardId: string | null; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const face = useApiMutation('cards.face');
  const asked = useRef<string | null>(null);
  const { mutate, reset } = face;

  useEffect(() => {
    if (!cardId) {
      asked.current = null;
      reset();
      return;
    }
    if (asked.current === cardId) return;
    asked.current = cardId;
    mutate({ id: cardId }, { onSuccess: () => invalidate('cards.get') });
  }, [cardId, mutate, reset, invalidate]);

  const print = async () => {
    if (!face.data) return;
    try {
      await printCardFace(face.data);
    } catch (err) {
      message.error(failureText(err));
    }
  };

  return (
    <Modal
      open={!!cardId}
      title={t('cardFace.previewTitle')}
      width={620}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" size="large" onClick={onClose}>
          {t('cardFace.close')}
        </Button>,
        <Button key="print" size="large" type="primary" icon={<PrinterOutlined />} disabled={!face.data} onClick={() => void print()} data-testid="card-face-print">
          {t('cardFace.print')}
        </Button>,
      ]}
    >
      {face.isPending && <PageSpinner />}
      {face.error && <Alert type="error" showIcon title={failureText(face.error)} />}
      {face.data && (
        <>
          <div className="card-face-preview">
            <CardFace face={face.data} />
          </div>
          <span data-testid="card-qr-text" hidden>
            {face.data.qrText}
          </span>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 15 }}>
            {t('cardFace.previewHint')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
