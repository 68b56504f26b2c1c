import { shanghaiDate } from '../../../../shared/rules/time';
import { defineHandlers } from '../../api/types';
import { requireUser, type Ctx } from '../../context';
import { writeAudit } from '../audit/audit';
import { actorOf } from './actor';
import { applicationsOfHousehold, getApplicationDetail, listApplications } from './applicationQueries';
import { closeApplication, createApplication, lodgeObjection, postNotice, reviewApplication, settleObjection } from './applications';
import { approveApplication } from './approval';
import { cardsOfHousehold, getCardDetail, listCards } from './cardQueries';
import { auditCardsExport } from './exportCards';
import { printCardFace } from './face';
import { getHousehold, listHouseholds, saveHousehold } from './households';
import type { Actor } from './issue';
import { renewCard, replaceCard, resumeCard, revokeCard, suspendCard } from './lifecycle';
import { getCardRules, saveCardRules } from './rules';
import { listSigningKeys, rotateKeyAudited } from './signingKeys';

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

/** Runs one write in its own transaction and tells the windows the cards changed; returns what `apply` returned. */
function write<T>(ctx: Ctx, apply: (now: number, actor: Actor) => T): T {
  const now = ctx.clock.now();
  const actor = actorOf(ctx.db, requireUser(ctx));
  const result = ctx.db.transaction(() => apply(now, actor)).immediate();
  ctx.changed('cards');
  return result;
}

/** A write to an application, answered with the application as it now is. */
function applicationWrite(ctx: Ctx, apply: (now: number, actor: Actor) => string) {
  const id = write(ctx, apply);
  return getApplicationDetail(ctx.db, id, today(ctx));
}

/** A change to a card, answered with the card as it now is (for a replacement: the new card). */
function cardWrite(ctx: Ctx, apply: (now: number, actor: Actor) => string) {
  const id = write(ctx, apply);
  return getCardDetail(ctx.db, id, today(ctx));
}

export const cardsHandlers = defineHandlers({
  'households.list': (input, ctx) => listHouseholds(ctx.db, input),

  'households.get': (input, ctx) => ({
    ...getHousehold(ctx.db, input.id),
    applications: applicationsOfHousehold(ctx.db, input.id),
    cards: cardsOfHousehold(ctx.db, input.id, today(ctx)),
  }),

  'households.save': (input, ctx) => ({ id: write(ctx, (now) => saveHousehold(ctx.db, input, now)) }),

  'cardApplications.list': (input, ctx) => listApplications(ctx.db, input),

  'cardApplications.get': (input, ctx) => getApplicationDetail(ctx.db, input.id, today(ctx)),

  'cardApplications.create': (input, ctx) => applicationWrite(ctx, (now, actor) => createApplication(ctx.db, input, now, actor)),

  'cardApplications.review': (input, ctx) =>
    applicationWrite(ctx, (now, actor) => {
      reviewApplication(ctx.db, input, now, actor);
      return input.id;
    }),

  'cardApplications.postNotice': (input, ctx) =>
    applicationWrite(ctx, (now, actor) => {
      postNotice(ctx.db, input, now, actor);
      return input.id;
    }),

  'cardApplications.lodgeObjection': (input, ctx) =>
    applicationWrite(ctx, (now, actor) => {
      lodgeObjection(ctx.db, input, now, actor);
      return input.id;
    }),

  'cardApplications.settleObjection': (input, ctx) => applicationWrite(ctx, (now, actor) => settleObjection(ctx.db, input, now, actor)),

  'cardApplications.approve': (input, ctx) =>
    applicationWrite(ctx, (now, actor) => {
      approveApplication(ctx.db, ctx.secrets, input, now, actor, requireUser(ctx));
      return input.id;
    }),

  'cardApplications.reject': (input, ctx) =>
    applicationWrite(ctx, (now, actor) => {
      closeApplication(ctx.db, input.id, 'reject', input.reason, now, actor);
      return input.id;
    }),

  'cardApplications.withdraw': (input, ctx) =>
    applicationWrite(ctx, (now, actor) => {
      closeApplication(ctx.db, input.id, 'withdraw', input.reason, now, actor);
      return input.id;
    }),

  'cards.list': (input, ctx) => listCards(ctx.db, input, today(ctx)),

  'cards.get': (input, ctx) => getCardDetail(ctx.db, input.id, today(ctx)),

  'cards.face': (input, ctx) => write(ctx, (now, actor) => printCardFace(ctx.db, ctx.secrets, input.id, now, actor, requireUser(ctx))),

  'cards.suspend': (input, ctx) =>
    cardWrite(ctx, (now, actor) => {
      suspendCard(ctx.db, input.id, input.reason, now, actor);
      return input.id;
    }),

  'cards.resume': (input, ctx) =>
    cardWrite(ctx, (now, actor) => {
      resumeCard(ctx.db, input.id, input.note ?? null, now, actor);
      return input.id;
    }),

  'cards.revoke': (input, ctx) =>
    cardWrite(ctx, (now, actor) => {
      revokeCard(ctx.db, input.id, input.reason, now, actor, requireUser(ctx));
      return input.id;
    }),

  'cards.replace': (input, ctx) => cardWrite(ctx, (now, actor) => replaceCard(ctx.db, ctx.secrets, input.id, input.reason, now, actor, requireUser(ctx))),

  'cards.renew': (input, ctx) =>
    cardWrite(ctx, (now, actor) => {
      renewCard(ctx.db, ctx.secrets, input.id, input.note ?? null, now, actor);
      return input.id;
    }),

  // Up to 20,000 rows into a workbook: on the read worker, so the desk is not held up.
  'cards.export': async (input, ctx) => {
    const file = await ctx.reads.run('cards.export', input, ctx.clock.now());
    auditCardsExport(ctx.db, requireUser(ctx), ctx.clock.now(), input, file.rows);
    return file;
  },

  'cards.keys': (_input, ctx) => listSigningKeys(ctx.db),

  'cards.rotateKey': (_input, ctx) => {
    rotateKeyAudited(ctx.db, ctx.secrets, ctx.clock.now(), requireUser(ctx));
    ctx.changed('cards');
    return listSigningKeys(ctx.db);
  },

  'cards.settings': (_input, ctx) => getCardRules(ctx.db),

  'cards.saveSettings': (input, ctx) => {
    const user = requireUser(ctx);
    ctx.db.transaction(() => {
      const before = getCardRules(ctx.db);
      saveCardRules(ctx.db, input);
      writeAudit(ctx.db, user, ctx.clock.now(), { action: 'card.rules.update', targetType: 'settings', detail: { before, after: input } });
    })();
    ctx.changed('cards');
    ctx.changed('settings');
    return { ok: true as const };
  },
});
