import { Modal } from 'antd';
import { t } from '../../../i18n';
import { useNotify } from '../../settings/useNotify';
import { showApiError } from '../../../components/apiErrors';
import { RescheduleDialog } from './RescheduleDialog';
import { TextDialog } from './TextDialog';
import type { BookingAction, BookingTarget } from './dayTypes';
import type { useBookingActions } from './useBookingActions';

interface Props {
  open: { action: Exclude<BookingAction, 'checkIn'>; target: BookingTarget } | null;
  onClose(): void;
  actions: ReturnType<typeof useBookingActions>;
}

/** The one dialog the day view has open at a time: an outcome, a reason, a no-show, a new slot. */
export function BookingDialogs({ open, onClose, actions }: Props) {
  const notify = useNotify();
  const target = open?.target;
  const b = target?.booking;
  const who = b ? { name: b.residentName, number: b.number } : { name: '', number: '' };
  return (
    <>
      <TextDialog
        open={open?.action === 'complete'}
        title={t('apptDay.outcomeTitle', who)}
        label={t('apptDay.outcome')}
        placeholder={t('apptDay.outcomePlaceholder')}
        requiredMessage={t('apptDay.outcomeRequired')}
        okText={t('apptDay.complete')}
        field="outcome"
        onSubmit={(text) => actions.complete(b!, text)}
        onClose={onClose}
      />
      <TextDialog
        open={open?.action === 'cancel'}
        title={t('apptDay.cancelTitle', who)}
        label={t('apptDay.reason')}
        placeholder={t('apptDay.reasonPlaceholder')}
        requiredMessage={t('apptDay.reasonRequired')}
        okText={t('apptDay.cancelSubmit')}
        danger
        field="reason"
        onSubmit={(text) => actions.cancel(b!, text)}
        onClose={onClose}
      />
      <Modal
        open={open?.action === 'noShow'}
        title={t('apptDay.noShowConfirm', who)}
        okText={t('apptDay.noShow')}
        cancelText={t('apptDay.back')}
        okButtonProps={{ size: 'large', danger: true }}
        cancelButtonProps={{ size: 'large' }}
        onCancel={onClose}
        onOk={() =>
          actions.noShow(b!).then(onClose, (e: unknown) => {
            showApiError(e, (text) => void notify.error(text));
          })
        }
      />
      {open?.action === 'reschedule' && target && <RescheduleDialog target={target} onSubmit={(to) => actions.reschedule(target.booking, to)} onClose={onClose} />}
    </>
  );
}
