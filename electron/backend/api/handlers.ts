import { accountsHandlers } from '../services/accounts/handlers';
import { catalogueHandlers } from '../services/catalogue/handlers';
import { gridHandlers } from '../services/grid/handlers';
import { residentsHandlers } from '../services/residents/handlers';
import type { Handlers } from './types';

/** Every contract call's handler; the `satisfies` makes a missing one a type error. */
export const handlers = {
  ...accountsHandlers,
  ...gridHandlers,
  ...residentsHandlers,
  ...catalogueHandlers,
} satisfies Handlers;
