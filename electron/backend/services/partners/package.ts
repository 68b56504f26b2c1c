import { fail } from '../../../../shared/contract';
import { shanghaiDate } from '../../../../shared/rules/time';
import type { SessionUser } from '../../context';
import type { Db } from '../../db/open';
import type { SecretStore } from '../../secrets/secretStore';
import { writeAudit } from '../audit/audit';
import { getCentreSettings } from '../centre/settings';
import { getCardRules } from '../cards/rules';
import { ensureSigningKey, publicKeys, sign } from '../cards/keys';
import { tillMode } from '../till/identity';
import { findPartnerRow } from './partners';
import { fileNameSafe } from './fileName';
import { PACKAGE_FORMAT, PACKAGE_VERSION, type PackageBody, type PackageCard, type PackageFile } from './packageFormat';

interface TillCardRow {
  card_no: string;
  masked_name: string;
  benefit_kind: 'percent' | 'cost';
  benefit_value: number;
  monthly_cap_fen: number | null;
  delivery: number;
  valid_from: string;
  valid_to: string;
  status: PackageCard['status'];
  delivery_address: string | null;
}

const toPackageCard = (r: TillCardRow): PackageCard => ({
  cardNo: r.card_no,
  maskedName: r.masked_name,
  benefit: { kind: r.benefit_kind, value: r.benefit_value },
  monthlyCapFen: r.monthly_cap_fen,
  delivery: r.delivery === 1,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  status: r.status,
  deliveryAddress: r.delivery_address,
});

/** Eligible spending this month at every other till, per card: what the partner's cap check starts from. */
function usageElsewhere(db: Db, partnerId: string, month: string): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT card_no, SUM(eligible_fen) AS fen FROM purchases
        WHERE month = ? AND partner_id != ? AND voided_at IS NULL
        GROUP BY card_no HAVING fen > 0`,
    )
    .all(month, partnerId) as { card_no: string; fen: number }[];
  return Object.fromEntries(rows.map((r) => [r.card_no, r.fen]));
}

function packageBody(db: Db, partner: { id: string; name: string }, now: number): PackageBody {
  const centre = getCentreSettings(db);
  const verifiers = db
    .prepare(`SELECT username, display_name, password_hash, disabled FROM users WHERE role = 'partner' AND partner_id = ? ORDER BY username`)
    .all(partner.id) as { username: string; display_name: string; password_hash: string; disabled: number }[];
  const cards = db.prepare('SELECT * FROM till_cards ORDER BY card_no').all() as TillCardRow[];
  const month = shanghaiDate(now).slice(0, 7);
  return {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    centreCode: centre.centreCode,
    centreName: centre.centreName,
    issuedAt: now,
    partner,
    verifiers: verifiers.map((v) => ({ username: v.username, displayName: v.display_name, passwordHash: v.password_hash, disabled: v.disabled === 1 })),
    keys: publicKeys(db).map((k) => ({
      keyId: k.keyId,
      publicKey: k.publicKey.toString('base64'),
      endorsement: k.endorsement ? k.endorsement.toString('base64') : null,
    })),
    cards: cards.map(toPackageCard),
    usage: { month, byCard: usageElsewhere(db, partner.id, month) },
    countyRevocations: (
      db.prepare('SELECT card_no, centre_code, revoked_at, reason FROM county_revocations ORDER BY card_no').all() as {
        card_no: string;
        centre_code: string;
        revoked_at: number;
        reason: string;
      }[]
    ).map((r) => ({ cardNo: r.card_no, centreCode: r.centre_code, revokedAt: r.revoked_at, reason: r.reason })),
    rules: getCardRules(db),
  };
}


/**
 * The signed package for one partner (ADMIN): read, signed with the current key, stamped and audited in
 * one transaction, so the package is one consistent moment of the card table.
 */
export function exportPartnerPackage(db: Db, secrets: SecretStore, partnerId: string, now: number, actor: SessionUser) {
  if (tillMode(db) !== 'centre') throw fail.conflict('package.notCentre');
  const keyId = ensureSigningKey(db, secrets, now);
  return db.transaction(() => {
    const p = findPartnerRow(db, partnerId);
    if (!p) throw fail.notFound('partner.notFound');
    if (!p.active) throw fail.conflict('partner.inactive');
    const body = packageBody(db, { id: p.id, name: p.name }, now);
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    const file: PackageFile = {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      keyId,
      body: bytes.toString('base64'),
      signature: sign(secrets, keyId, bytes).toString('base64'),
    };
    db.prepare('UPDATE partners SET last_package_at = ? WHERE id = ?').run(now, p.id);
    writeAudit(db, actor, now, {
      action: 'partner.package.export',
      targetType: 'partner',
      targetId: p.id,
      detail: { keyId, cards: body.cards.length, verifiers: body.verifiers.length },
    });
    return {
      fileName: `爱心商户数据包-${fileNameSafe(p.name)}-${shanghaiDate(now)}.json`,
      base64: Buffer.from(JSON.stringify(file), 'utf8').toString('base64'),
      rows: body.cards.length,
    };
  })();
}
