import { defineHandlers } from '../../api/types';

export const appointmentsHandlers = defineHandlers({});
