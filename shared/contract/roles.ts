export const ROLES = ['admin', 'desk', 'duty', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles: everyone who works for the centre (not the partners' cashiers). */
export const STAFF: Role[] = ['admin', 'desk', 'duty'];
export const OFFICE: Role[] = ['admin', 'desk'];
export const ADMIN: Role[] = ['admin'];
