import { defineHandlers } from '../../api/types';

export const rotaHandlers = defineHandlers({});
