import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Input, Row, Typography } from 'antd';
import type { Resident } from '../../../../../shared/contract';
import { addDays } from '../../../../../shared/rules/workdays';
import { shanghaiDate } from '../../../../../shared/rules/time';
import { useApiQuery } from '../../../api/hooks';
import { failureText } from '../../../components/apiErrors';
import { useNow } from '../../../components/useNow';
import { t } from '../../../i18n';
import { ResidentFormDialog } from '../../residents/ResidentFormDialog';
import { ResidentPicker } from '../../requests/ResidentPicker';
import '../../requests/requests.css';
import { chineseDay, chineseWhen } from '../appointmentFormat';
import { useRemembered } from '../useRemembered';
import { BookedDialog } from './BookedDialog';
import { DayCalendar } from './DayCalendar';
import { ResidentBookings } from './ResidentBookings';
import { ChoiceButtons, type Choice } from './ServiceStationChoice';
import { SlotGrid } from './SlotGrid';
import { useBooking, type BookingStep } from './useBooking';
import { useDayMarks } from './useDayMarks';
import { useSlots } from './useSlots';

/**
 * 预约登记: service → station → day → a free slot → resident → confirm, then the slip. The service
 * and the station this PC chose last come back, so a phone booking is a day, a time and a name.
 */
export function BookingTab() {
  const today = shanghaiDate(useNow(60_000));
  const offers = useApiQuery('stationServices.list', {});
  const stationList = useApiQuery('stations.list', {});
  const rules = useApiQuery('appointments.rules.get', {});
  const queueRules = useApiQuery('queue.rules', {});
  const active = useMemo(() => (offers.data ?? []).filter((o) => o.active), [offers.data]);

  const [serviceId, setServiceId] = useRemembered<string>('service', '');
  const [stationId, setStationId] = useRemembered<string>('station', '');
  const [day, setDay] = useState<string | null>(null);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [start, setStart] = useState<number | null>(null);
  const [resident, setResident] = useState<Resident | null>(null);
  const [note, setNote] = useState('');
  const [newResident, setNewResident] = useState(false);
  const [print, setPrint] = useRemembered<'yes' | 'no'>('printSlip', 'yes', (v): v is 'yes' | 'no' => v === 'yes' || v === 'no');

  const services = useMemo<Choice[]>(() => {
    const seen = new Map<string, Choice>();
    for (const o of active) if (!seen.has(o.serviceId)) seen.set(o.serviceId, { value: o.serviceId, label: o.serviceName });
    return [...seen.values()];
  }, [active]);
  const chosenService = services.some((s) => s.value === serviceId) ? serviceId : null;
  const stationOffers = useMemo(() => active.filter((o) => o.serviceId === chosenService), [active, chosenService]);
  const stations = useMemo<Choice[]>(
    () => stationOffers.map((o) => ({ value: o.stationId, label: o.stationName, sub: stationList.data?.find((s) => s.id === o.stationId)?.address })),
    [stationOffers, stationList.data],
  );
  const offer = stationOffers.find((o) => o.stationId === stationId) ?? (stationOffers.length === 1 ? stationOffers[0]! : null);

  const horizonDays = rules.data?.horizonDays ?? 30;
  const lastDay = addDays(today, horizonDays);
  const marks = useDayMarks(offer?.id ?? null, month, today, lastDay);
  const slots = useSlots(offer?.id ?? null, day);
  const booking = useBooking();

  const resetFrom = (step: 'service' | 'station' | 'day') => {
    if (step !== 'day') setDay(null);
    setStart(null);
    booking.clearErrors();
  };

  const chosenSlot = slots.cells.find((s) => s.startMinute === start) ?? null;
  const ready = offer && day && chosenSlot && chosenSlot.free > 0 && resident;

  const confirm = () => {
    if (!ready) return;
    booking.book({ stationServiceId: offer.id, day, startMinute: chosenSlot.startMinute, residentId: resident.id, note: note.trim() || undefined }, (booked) => {
      setStart(null);
      setResident(null);
      setNote('');
      if (print === 'yes') void booking.print(booked, queueRules.data?.slipPrinter ?? '');
    });
  };

  const stepError = (step: BookingStep) => booking.errors[step] && <Alert type="error" showIcon title={booking.errors[step]} style={{ marginTop: 12 }} />;

  if (offers.isError) return <Alert type="error" showIcon title={failureText(offers.error)} />;
  if (offers.data && services.length === 0) return <Alert type="info" showIcon title={t('apptBook.noServices')} />;

  return (
    <div className="appt-book">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('apptBook.step.service')} loading={offers.isPending}>
            <ChoiceButtons
              testId="appt-services"
              label={t('apptBook.step.service')}
              choices={services}
              value={chosenService}
              onChange={(v) => {
                setServiceId(v);
                resetFrom('service');
              }}
            />
          </Card>
          <Card size="small" title={t('apptBook.step.station')} style={{ marginTop: 12 }}>
            {chosenService ? (
              <ChoiceButtons
                testId="appt-stations"
                label={t('apptBook.step.station')}
                choices={stations}
                value={offer?.stationId ?? null}
                onChange={(v) => {
                  setStationId(v);
                  resetFrom('station');
                }}
              />
            ) : (
              <Typography.Text type="secondary">{t('apptBook.chooseService')}</Typography.Text>
            )}
            {offer && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t('apptBook.slotLength', { minutes: offer.slotMinutes, capacity: offer.capacity })}
              </Typography.Paragraph>
            )}
          </Card>
          <Card size="small" title={t('apptBook.step.day')} style={{ marginTop: 12 }}>
            {offer ? (
              <DayCalendar
                value={day}
                onChange={(d) => {
                  setDay(d);
                  resetFrom('day');
                }}
                marks={marks.marks}
                holidayNames={marks.holidayNames}
                today={today}
                lastDay={lastDay}
                month={month}
                onMonth={setMonth}
              />
            ) : (
              <Typography.Text type="secondary">{t('apptBook.chooseStation')}</Typography.Text>
            )}
            {stepError('day')}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('apptBook.step.slot')} loading={slots.loading}>
            {day ? (
              <>
                <div className="appt-summary">{chineseDay(day)}</div>
                <SlotGrid slots={slots.cells} value={start} onChange={setStart} closedReason={slots.closedReason} />
              </>
            ) : (
              <Typography.Text type="secondary">{t('apptBook.chooseDay')}</Typography.Text>
            )}
            {slots.error && <Alert type="error" showIcon title={slots.error} style={{ marginTop: 12 }} />}
            {stepError('slot')}
          </Card>
          <Card size="small" title={t('apptBook.step.resident')} style={{ marginTop: 12 }}>
            <ResidentPicker
              id="appt-resident"
              resident={resident}
              onResident={(r) => {
                setResident(r);
                booking.clearErrors();
              }}
              onCreateNew={() => setNewResident(true)}
            />
            {resident && <ResidentBookings residentId={resident.id} today={today} />}
            {stepError('resident')}
            <Input
              style={{ marginTop: 12 }}
              size="large"
              maxLength={200}
              aria-label={t('apptBook.note')}
              placeholder={`${t('apptBook.note')}：${t('apptBook.notePlaceholder')}`}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            {stepError('other')}
            <div className="appt-confirm-summary" data-testid="appt-summary">
              {offer && day && chosenSlot && resident ? (
                t('apptBook.summaryWho', { name: resident.name, service: offer.serviceName, station: offer.stationName, when: chineseWhen(day, chosenSlot.startMinute) })
              ) : (
                <Typography.Text type="secondary">{t('apptBook.pickAll')}</Typography.Text>
              )}
            </div>
            <div className="appt-confirm-row">
              <Checkbox checked={print === 'yes'} onChange={(e) => setPrint(e.target.checked ? 'yes' : 'no')}>
                {t('apptBook.print')}
              </Checkbox>
              <Button type="primary" size="large" disabled={!ready} loading={booking.pending} onClick={confirm}>
                {t('apptBook.confirm')}
              </Button>
            </div>
          </Card>
        </Col>
      </Row>
      <BookedDialog booked={booking.booked} onPrint={(b) => void booking.print(b, queueRules.data?.slipPrinter ?? '')} onClose={booking.closeBooked} />
      <ResidentFormDialog
        state={newResident ? { mode: 'create' } : null}
        onClose={() => setNewResident(false)}
        onSaved={(r) => {
          setNewResident(false);
          setResident(r);
        }}
      />
    </div>
  );
}
