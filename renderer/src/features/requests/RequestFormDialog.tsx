import type { RequestDetail } from '../../../../shared/contract';

export interface RequestFormDialogProps {
  open: boolean;
  onClose(): void;
  /** Opened from a called ticket at a counter: the ticket is linked and its service preselected. */
  ticket?: { id: string; number: string; serviceId: string; residentId?: string | null };
  counter?: number;
  onCreated?(request: RequestDetail): void;
}

/** Placeholder until the requests helper lands the form (the props are the agreed interface). */
export function RequestFormDialog(_props: RequestFormDialogProps) {
  return null;
}
