import type { CHANNELS, HANDLING_MODES, REQUEST_STATUSES, SATISFACTIONS } from '../../../../shared/contract';
import { t } from '../../i18n';

export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type Channel = (typeof CHANNELS)[number];
export type HandlingMode = (typeof HANDLING_MODES)[number];
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const statusLabel = (s: RequestStatus): string => t(`requestStatus.${s}`);
export const channelLabel = (c: Channel): string => t(`channel.${c}`);
export const modeLabel = (m: HandlingMode): string => t(`mode.${m}`);
export const modeHint = (m: HandlingMode): string => t(`mode.${m}.hint`);
export const satisfactionLabel = (s: Satisfaction): string => t(`satisfaction.${s}`);

/** Tag colours: open work in warm colours, finished work green, archived and voided work grey. */
export const STATUS_COLORS: Record<RequestStatus, string> = {
  received: 'blue',
  assigned: 'geekblue',
  in_progress: 'orange',
  resolved: 'green',
  closed: 'default',
  void: 'default',
};

export const MODE_COLORS: Record<HandlingMode, string> = {
  immediate: 'green',
  onsite: 'blue',
  homevisit: 'purple',
  assigned: 'gold',
  escalated: 'magenta',
};

export const SATISFACTION_COLORS: Record<Satisfaction, string> = {
  satisfied: 'green',
  basic: 'cyan',
  unsatisfied: 'red',
};
