import type { Output } from '../../../../../shared/contract';

export type WeekRow = Output<'appointments.weekView'>['services'][number];
