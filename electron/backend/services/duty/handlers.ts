import { defineHandlers } from '../../api/types';

export const dutyHandlers = defineHandlers({});
