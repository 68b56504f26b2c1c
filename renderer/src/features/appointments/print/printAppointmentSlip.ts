import { createElement } from 'react';
import { AppointmentSlip, type SlipFacts } from '../slip/AppointmentSlip';
import { printElement } from './printElement';

/** The queue's slip mount point too: one slip printer, one way to print on it (and the e2e reads it there). */
const SLIP_ID = 'lianxin-slip';

/** Prints an appointment slip on the 80 mm slip printer (or through the dialog). */
export function printAppointmentSlip(facts: SlipFacts, slipPrinter: string): Promise<void> {
  return printElement(createElement(AppointmentSlip, { facts }), { hostId: SLIP_ID, page: 'size: 80mm auto; margin: 3mm 4mm;', printer: slipPrinter });
}
