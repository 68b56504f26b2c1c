import type { Db } from '../../db/open';
import { getCentreSettings, getSetting, setSetting } from '../centre/settings';

export type TillMode = 'centre' | 'partner';

/** What a partner's PC knows about itself, from the last imported partner package. */
export interface PartnerIdentity {
  partnerId: string;
  partnerName: string;
  centreCode: string;
  centreName: string;
  /** When the package was made at the centre. */
  packageIssuedAt: number;
}

export interface TillIdentity {
  mode: TillMode;
  centreCode: string;
  centreName: string;
  partnerId: string | null;
  partnerName: string | null;
  packageIssuedAt: number | null;
}

export const MODE_KEY = 'mode';
export const PARTNER_IDENTITY_KEY = 'partner.identity';

export function tillMode(db: Db): TillMode {
  return getSetting<string, TillMode>(db, MODE_KEY, 'centre');
}

/**
 * Who this till is. At the centre: the centre's own code and name (settings). On a partner's PC: the
 * centre and partner named in the imported package.
 */
export function tillIdentity(db: Db): TillIdentity {
  if (tillMode(db) === 'partner') {
    const p = getSetting<string, PartnerIdentity | null>(db, PARTNER_IDENTITY_KEY, null);
    if (p) {
      return {
        mode: 'partner',
        centreCode: p.centreCode,
        centreName: p.centreName,
        partnerId: p.partnerId,
        partnerName: p.partnerName,
        packageIssuedAt: p.packageIssuedAt,
      };
    }
  }
  const c = getCentreSettings(db);
  return { mode: tillMode(db), centreCode: c.centreCode, centreName: c.centreName, partnerId: null, partnerName: null, packageIssuedAt: null };
}

/** Called (inside the import's transaction) when a partner package is imported; turns this PC into partner mode. */
export function savePartnerIdentity(db: Db, identity: PartnerIdentity): void {
  setSetting(db, MODE_KEY, 'partner');
  setSetting(db, PARTNER_IDENTITY_KEY, {
    partnerId: identity.partnerId,
    partnerName: identity.partnerName,
    centreCode: identity.centreCode,
    centreName: identity.centreName,
    packageIssuedAt: identity.packageIssuedAt,
  });
}
