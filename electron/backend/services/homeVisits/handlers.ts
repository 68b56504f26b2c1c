import { defineHandlers } from '../../api/types';

export const homeVisitsHandlers = defineHandlers({});
