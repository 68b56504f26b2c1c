import { defineHandlers } from '../../api/types';

const notYet = (): never => {
  throw new Error('appointments: being built');
};

export const appointmentsHandlers = defineHandlers({
  'stationServices.list': notYet,
  'stationServices.save': notYet,
  'appointments.rules.get': notYet,
  'appointments.rules.save': notYet,
  'appointments.slots': notYet,
  'appointments.days': notYet,
  'appointments.book': notYet,
  'appointments.get': notYet,
  'appointments.findByNumber': notYet,
  'appointments.cancel': notYet,
  'appointments.reschedule': notYet,
  'appointments.checkIn': notYet,
  'appointments.complete': notYet,
  'appointments.noShow': notYet,
  'appointments.callList': notYet,
  'appointments.markReminded': notYet,
  'appointments.forResident': notYet,
  'appointments.dayView': notYet,
  'appointments.weekView': notYet,
});
