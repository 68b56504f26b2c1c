import { accountsHandlers } from '../services/accounts/handlers';
import { catalogueHandlers } from '../services/catalogue/handlers';
import { gridHandlers } from '../services/grid/handlers';
import { residentsHandlers } from '../services/residents/handlers';
import { queueHandlers } from '../services/queue/handlers';
import { requestsHandlers } from '../services/requests/handlers';
import { figuresHandlers } from '../services/figures/handlers';
import { cardsHandlers } from '../services/cards/handlers';
import { partnersHandlers } from '../services/partners/handlers';
import { tillExchangeHandlers } from '../services/partners/tillExchangeHandlers';
import { tillHandlers } from '../services/till/handlers';
import { appointmentsHandlers } from '../services/appointments/handlers';
import { homeVisitsHandlers } from '../services/homeVisits/handlers';
import { rotaHandlers } from '../services/rota/handlers';
import { dutyHandlers } from '../services/duty/handlers';
import { syncHandlers } from '../services/sync/handlers';
import { backupHandlers } from '../services/backup/handlers';
import type { Handlers } from './types';

/** Every contract call's handler; the `satisfies` makes a missing one a type error. */
export const handlers = {
  ...accountsHandlers,
  ...gridHandlers,
  ...residentsHandlers,
  ...catalogueHandlers,
  ...queueHandlers,
  ...requestsHandlers,
  ...figuresHandlers,
  ...cardsHandlers,
  ...partnersHandlers,
  ...tillHandlers,
  ...tillExchangeHandlers,
  ...appointmentsHandlers,
  ...homeVisitsHandlers,
  ...rotaHandlers,
  ...dutyHandlers,
  ...syncHandlers,
  ...backupHandlers,
} satisfies Handlers;
