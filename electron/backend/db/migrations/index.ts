import type Database from 'better-sqlite3';
import { m001Foundation } from './001-foundation';
import { m002ResidentSearch } from './002-resident-search';
import { m003Intake } from './003-intake';
import { m004RequestLists } from './004-request-lists';
import { m005RequestFilters } from './005-request-filters';
import { m006Cards } from './006-cards';
import { m007CardReports } from './007-card-reports';
import { m008PurchaseLists } from './008-purchase-lists';
import { m009Appointments } from './009-appointments';
import { m010Rota } from './010-rota';
import { m011Duty } from './011-duty';
import { m012Sync } from './012-sync';
import { m013AuditChain } from './013-audit-chain';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

/** In order; never edit one that has shipped — add the next. Migration N sets user_version = N. */
export const migrations: Migration[] = [m001Foundation, m002ResidentSearch, m003Intake, m004RequestLists, m005RequestFilters, m006Cards, m007CardReports, m008PurchaseLists,
  m009Appointments, m010Rota, m011Duty, m012Sync, m013AuditChain];
