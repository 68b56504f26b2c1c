import { shanghaiDate } from '../../../../shared/rules/time';
import { normalisePhone } from '../../../../shared/rules/phone';
import { normaliseIdNumber } from '../../../../shared/rules/idNumber';
import { requireUser } from '../../context';
import { defineHandlers } from '../../api/types';
import { writeAudit } from '../audit/audit';
import {
  assertNoDuplicate,
  findDuplicates,
  getResidentRow,
  insertResident,
  searchResidents,
  toResident,
  updateResident,
  voidResident,
} from './residents';
import { residentFields } from './validate';
import { commitImport, previewImport } from './excel/importResidents';
import { exportResidents } from './excel/exportResidents';

export const residentsHandlers = defineHandlers({
  'residents.search': (input, ctx) => searchResidents(ctx.db, input, shanghaiDate(ctx.clock.now())),

  'residents.get': (input, ctx) => toResident(getResidentRow(ctx.db, input.id), shanghaiDate(ctx.clock.now())),

  'residents.checkDuplicates': (input, ctx) =>
    findDuplicates(
      ctx.db,
      {
        name: input.name.trim(),
        idNumber: input.idNumber ? normaliseIdNumber(input.idNumber) : null,
        phone: input.phone ? normalisePhone(input.phone) : null,
      },
      input.exceptId ?? null,
    ),

  'residents.create': (input, ctx) => {
    const now = ctx.clock.now();
    const today = shanghaiDate(now);
    const id = ctx.db.transaction(() => {
      const f = residentFields(ctx.db, input, today);
      assertNoDuplicate(ctx.db, f, null, input.confirmDuplicate);
      const newId = insertResident(ctx.db, f, now);
      writeAudit(ctx.db, requireUser(ctx), now, { action: 'resident.create', targetType: 'resident', targetId: newId });
      return newId;
    }).immediate();
    ctx.changed('residents');
    return toResident(getResidentRow(ctx.db, id), today);
  },

  'residents.update': (input, ctx) => {
    const now = ctx.clock.now();
    const today = shanghaiDate(now);
    ctx.db.transaction(() => {
      const existing = getResidentRow(ctx.db, input.id);
      // Left out: keep what is on file (the form only ever saw it masked); null: clear it.
      const keepOr = (value: string | null | undefined, stored: string | null) =>
        (value === undefined ? stored : value) ?? undefined;
      const f = residentFields(
        ctx.db,
        { ...input, idNumber: keepOr(input.idNumber, existing.id_number), phone: keepOr(input.phone, existing.phone) },
        today,
      );
      assertNoDuplicate(ctx.db, f, input.id, input.confirmDuplicate);
      updateResident(ctx.db, input.id, f, now);
      writeAudit(ctx.db, requireUser(ctx), now, { action: 'resident.update', targetType: 'resident', targetId: input.id });
    }).immediate();
    ctx.changed('residents');
    return toResident(getResidentRow(ctx.db, input.id), today);
  },

  'residents.void': (input, ctx) => {
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      voidResident(ctx.db, input.id, input.reason, now);
      writeAudit(ctx.db, requireUser(ctx), now, { action: 'resident.void', targetType: 'resident', targetId: input.id, detail: { reason: input.reason } });
    })();
    ctx.changed('residents');
    return { ok: true };
  },

  'residents.reveal': (input, ctx) => {
    const now = ctx.clock.now();
    return ctx.db.transaction(() => {
      const row = getResidentRow(ctx.db, input.id);
      writeAudit(ctx.db, requireUser(ctx), now, {
        action: input.field === 'idNumber' ? 'resident.revealIdNumber' : 'resident.revealPhone',
        targetType: 'resident',
        targetId: input.id,
        detail: { name: row.name },
      });
      return { value: input.field === 'idNumber' ? row.id_number : row.phone };
    })();
  },

  'residents.importPreview': (input, ctx) => previewImport(ctx.db, input.fileBase64, input.mapping, shanghaiDate(ctx.clock.now())),

  'residents.importCommit': async (input, ctx) => {
    const result = await commitImport(ctx.db, input.fileBase64, input.mapping, ctx.clock.now(), requireUser(ctx));
    if (result.created > 0) {
      ctx.changed('residents');
      ctx.changed('grid');
    }
    return result;
  },

  'residents.export': (input, ctx) => exportResidents(ctx.db, input, ctx.clock.now(), requireUser(ctx)),
});
