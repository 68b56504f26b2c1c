import { createElement } from 'react';
import { AppointmentSlip, type SlipFacts } from '../slip/AppointmentSlip';
import { hostOnlyCss, printElement } from '../../../components/printElement';

/** The queue's slip mount point too: one slip printer, one way to print on it (and the e2e reads it there). */
const SLIP_ID = 'lianxin-slip';

/** Prints an appointment slip on the 80 mm slip printer (or through the dialog). */
export function printAppointmentSlip(facts: SlipFacts, slipPrinter: string): Promise<void> {
  return printElement(createElement(AppointmentSlip, { facts }), { hostId: SLIP_ID, css: hostOnlyCss(SLIP_ID, 'size: 80mm auto; margin: 3mm 4mm;'), printer: slipPrinter }).catch(() => {
    /* the booking is saved and shown on screen; the worker can print again */
  });
}
