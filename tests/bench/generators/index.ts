import { accountsGenerator } from './accounts';
import { appointmentsGenerator } from './appointments';
import { cardsGenerator } from './cards';
import { communityGenerator } from './community';
import { dutyGenerator } from './duty';
import { homeVisitsGenerator } from './homeVisits';
import { intakeGenerator } from './intake';
import { rotaGenerator } from './rota';
import { syncBacklogGenerator } from './syncBacklog';
import type { DatasetGenerator } from './types';

/** In order. A later issue adds its domain here (requests, cards, appointments, rota…). */
export const GENERATORS: DatasetGenerator[] = [accountsGenerator, communityGenerator, intakeGenerator, cardsGenerator, rotaGenerator, appointmentsGenerator, dutyGenerator, homeVisitsGenerator, syncBacklogGenerator];
