import { useState } from 'react';
import { App, Button, Modal, Popconfirm, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { failureText } from '../../components/apiErrors';
import { t } from '../../i18n';
import { useSession } from '../../app/session/SessionContext';
import { BadgeFace } from './BadgeFace';
import { printBadge } from './printBadge';

/** A staff member's badge: see it, print it, or reissue it (the old one stops working). */
export function BadgeModal({ staff, onClose }: { staff: { id: string; name: string } | null; onClose(): void }) {
  return (
    <Modal open={staff !== null} onCancel={onClose} footer={null} title={staff ? t('badge.title', { name: staff.name }) : ''} destroyOnHidden width={480}>
      {staff && <BadgeBody staffId={staff.id} name={staff.name} />}
    </Modal>
  );
}

function BadgeBody({ staffId, name }: { staffId: string; name: string }) {
  const { message } = App.useApp();
  const { status } = useSession();
  const badge = useApiQuery('duty.badge', { staffId }, { staleTime: 0, gcTime: 0 });
  const reissue = useApiMutation('duty.badge.reissue');
  const [renewed, setRenewed] = useState<typeof badge.data>(undefined);
  const shown = renewed ?? badge.data;
  if (badge.isError) return <div>{failureText(badge.error)}</div>;
  if (!shown) return <Spin />;
  const data = { centreName: status.centreName, name: shown.name, version: shown.version, code: shown.code };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', alignItems: 'center' }}>
      <BadgeFace badge={data} />
      <Space>
        <Button type="primary" size="large" icon={<PrinterOutlined />} onClick={() => void printBadge(data)}>
          {t('badge.print')}
        </Button>
        <Popconfirm
          title={t('badge.reissueConfirm', { name })}
          onConfirm={() =>
            reissue.mutate(
              { staffId },
              {
                onSuccess: (b) => {
                  setRenewed(b);
                  void message.success(t('badge.reissued'));
                },
                onError: (e) => void message.error(failureText(e)),
              },
            )
          }
        >
          <Button size="large" danger loading={reissue.isPending}>
            {t('badge.reissue')}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}
