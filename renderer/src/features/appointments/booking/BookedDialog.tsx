import { Button, Modal, Result } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useSession } from '../../../app/session/SessionContext';
import { t } from '../../../i18n';
import { AppointmentSlip } from '../slip/AppointmentSlip';
import { slipFactsOf, type Booked } from './useBooking';

/** After confirming: the slip as it prints, to read out on the phone or print again. */
export function BookedDialog({ booked, onPrint, onClose }: { booked: Booked | null; onPrint(b: Booked): void; onClose(): void }) {
  const { status } = useSession();
  return (
    <Modal
      open={booked !== null}
      title={t('apptBook.doneTitle')}
      onCancel={onClose}
      width={640}
      footer={[
        <Button key="print" size="large" icon={<PrinterOutlined />} onClick={() => booked && onPrint(booked)}>
          {t('apptBook.print')}
        </Button>,
        <Button key="again" size="large" type="primary" onClick={onClose}>
          {t('apptBook.again')}
        </Button>,
      ]}
    >
      {booked && (
        <div className="appt-done">
          <Result status="success" title={t('apptBook.booked', { number: booked.number })} style={{ padding: '16px 0', flex: 1 }} />
          <div className="appt-slip-preview">
            <AppointmentSlip facts={slipFactsOf(booked, status.centreName)} />
          </div>
        </div>
      )}
    </Modal>
  );
}
