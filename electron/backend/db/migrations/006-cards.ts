import type { Migration } from './index';

/**
 * The caring-supermarket cards (SPEC §4): households, applications with their append-only steps and
 * objections, cards with their append-only events, partners and their verifier accounts, and the till
 * side — the keys and card rules a till verifies against, the purchase log and delivery requests.
 *
 * `till_keys` and `till_cards` are what verification reads, on both kinds of PC: at the centre they
 * are kept in step with `signing_keys` and `cards` in the same transaction as every card change; on a
 * partner's till they are replaced by each imported partner package. One verification path for both.
 * Money is integer fen. Months are 'YYYY-MM' in Asia/Shanghai.
 */
export const m006Cards: Migration = {
  name: '006-cards',
  up(db) {
    db.exec(`
      CREATE TABLE households (
        id TEXT PRIMARY KEY,
        head_resident_id TEXT NOT NULL REFERENCES residents(id),
        address TEXT NOT NULL,
        hardship_types TEXT NOT NULL DEFAULT '[]',
        allowance_cert_no TEXT,
        notes TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX households_head ON households(head_resident_id);

      CREATE TABLE household_members (
        household_id TEXT NOT NULL REFERENCES households(id),
        resident_id TEXT NOT NULL REFERENCES residents(id),
        relation TEXT NOT NULL,
        PRIMARY KEY (household_id, resident_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX household_members_resident ON household_members(resident_id);

      CREATE TABLE card_applications (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        household_id TEXT NOT NULL REFERENCES households(id),
        holder_resident_id TEXT NOT NULL REFERENCES residents(id),
        status TEXT NOT NULL CHECK (status IN ('submitted', 'reviewed', 'notice', 'approved', 'rejected', 'withdrawn')),
        benefit_kind TEXT NOT NULL CHECK (benefit_kind IN ('percent', 'cost')),
        benefit_value INTEGER NOT NULL,
        monthly_cap_fen INTEGER,
        delivery INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL,
        submitted_at INTEGER NOT NULL,
        submitted_by TEXT NOT NULL,
        review TEXT,
        notice_start TEXT,
        notice_end TEXT,
        notice_place TEXT,
        card_id TEXT,
        decided_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX card_applications_household ON card_applications(household_id);
      CREATE INDEX card_applications_status ON card_applications(status, submitted_at);

      CREATE TABLE application_steps (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        application_id TEXT NOT NULL REFERENCES card_applications(id),
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        user_id TEXT,
        user_name TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX application_steps_application ON application_steps(application_id, seq);
      CREATE TRIGGER application_steps_no_update BEFORE UPDATE ON application_steps
        BEGIN SELECT RAISE(ABORT, 'application_steps is append-only'); END;
      CREATE TRIGGER application_steps_no_delete BEFORE DELETE ON application_steps
        BEGIN SELECT RAISE(ABORT, 'application_steps is append-only'); END;

      CREATE TABLE application_objections (
        id TEXT PRIMARY KEY,
        application_id TEXT NOT NULL REFERENCES card_applications(id),
        lodged_at INTEGER NOT NULL,
        lodged_by TEXT NOT NULL,
        objector TEXT,
        content TEXT NOT NULL,
        settled_at INTEGER,
        settled_by TEXT,
        settlement TEXT,
        upheld INTEGER
      ) STRICT;
      CREATE INDEX application_objections_application ON application_objections(application_id);

      -- The centre's signing keys: public halves only; the private key is in the secret store.
      CREATE TABLE signing_keys (
        key_id INTEGER PRIMARY KEY,
        public_key BLOB NOT NULL,
        -- The previous key's signature over this key (key rotation), null for the first.
        endorsement BLOB,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE cards (
        id TEXT PRIMARY KEY,
        card_no TEXT NOT NULL UNIQUE,
        household_id TEXT NOT NULL REFERENCES households(id),
        holder_resident_id TEXT NOT NULL REFERENCES residents(id),
        application_id TEXT REFERENCES card_applications(id),
        benefit_kind TEXT NOT NULL CHECK (benefit_kind IN ('percent', 'cost')),
        benefit_value INTEGER NOT NULL,
        monthly_cap_fen INTEGER,
        delivery INTEGER NOT NULL DEFAULT 0,
        valid_from TEXT NOT NULL,
        valid_to TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked', 'replaced')),
        status_reason TEXT,
        replaced_by_card_id TEXT REFERENCES cards(id),
        key_id INTEGER NOT NULL REFERENCES signing_keys(key_id),
        issued_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX cards_household ON cards(household_id);
      CREATE INDEX cards_status_valid_to ON cards(status, valid_to);

      CREATE TABLE card_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL REFERENCES cards(id),
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        user_id TEXT,
        user_name TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX card_events_card ON card_events(card_id, seq);
      CREATE TRIGGER card_events_no_update BEFORE UPDATE ON card_events
        BEGIN SELECT RAISE(ABORT, 'card_events is append-only'); END;
      CREATE TRIGGER card_events_no_delete BEFORE DELETE ON card_events
        BEGIN SELECT RAISE(ABORT, 'card_events is append-only'); END;

      CREATE TABLE partners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        contact_name TEXT NOT NULL,
        contact_phone TEXT NOT NULL,
        offer TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        last_package_at INTEGER,
        last_import_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- A partner verifier account belongs to one partner.
      ALTER TABLE users ADD COLUMN partner_id TEXT REFERENCES partners(id);

      -- What a till verifies against (see the header).
      CREATE TABLE till_keys (
        centre_code TEXT NOT NULL,
        key_id INTEGER NOT NULL,
        public_key BLOB NOT NULL,
        PRIMARY KEY (centre_code, key_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE till_cards (
        card_no TEXT PRIMARY KEY,
        masked_name TEXT NOT NULL,
        benefit_kind TEXT NOT NULL,
        benefit_value INTEGER NOT NULL,
        monthly_cap_fen INTEGER,
        delivery INTEGER NOT NULL,
        valid_from TEXT NOT NULL,
        valid_to TEXT NOT NULL,
        status TEXT NOT NULL,
        -- Only for delivery-eligible cards: where to deliver (SPEC §4.7: the one address a till sees).
        delivery_address TEXT,
        -- Partner side: what other tills had spent against the cap in used_month, as of the package.
        used_month TEXT,
        used_elsewhere_fen INTEGER NOT NULL DEFAULT 0
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE purchases (
        id TEXT PRIMARY KEY,
        card_no TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        till_user_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        month TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        cost_fen INTEGER,
        eligible_fen INTEGER NOT NULL CHECK (eligible_fen >= 0),
        discount_fen INTEGER NOT NULL CHECK (discount_fen >= 0),
        pay_fen INTEGER NOT NULL CHECK (pay_fen >= 0),
        voided_at INTEGER,
        void_reason TEXT,
        voided_by TEXT,
        -- Partner side: when it went into an exported purchase log. Centre side: when it was imported.
        exported_at INTEGER,
        imported_at INTEGER
      ) STRICT;
      CREATE INDEX purchases_card_month ON purchases(card_no, month) WHERE voided_at IS NULL;
      CREATE INDEX purchases_month_partner ON purchases(month, partner_id);
      CREATE INDEX purchases_partner_at ON purchases(partner_id, at);

      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        partner_id TEXT NOT NULL,
        card_no TEXT NOT NULL,
        purchase_id TEXT,
        address TEXT NOT NULL,
        note TEXT,
        status TEXT NOT NULL CHECK (status IN ('requested', 'delivered', 'cancelled')),
        requested_at INTEGER NOT NULL,
        requested_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX deliveries_partner_status ON deliveries(partner_id, status, requested_at);
    `);
  },
};
