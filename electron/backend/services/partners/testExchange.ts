import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, Input, Method, Output } from '../../../../shared/contract';
import { createBackend, type Backend } from '../../app';
import type { SessionSlot } from '../../context';
import { PASSWORD, type TestBackend, type TestClock } from '../../testSupport';

/**
 * For the exchange tests: a partner's PC as it is on delivery — a real backend on its own database
 * with nobody set up yet — sharing the centre's test clock, so both sides see the same moment.
 */
export interface PartnerPc {
  backend: Backend;
  clock: TestClock;
  call(slot: SessionSlot, method: Method, input: unknown): Promise<ApiResult>;
  ok<M extends Method>(slot: SessionSlot, method: M, input: Input<M>): Promise<Output<M>>;
  /** A freshly logged-in slot for a verifier account (the centre-set password). */
  login(username: string, password?: string): Promise<SessionSlot>;
  close(): void;
}

export function makePartnerPc(clock: TestClock): PartnerPc {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-partner-'));
  const backend = createBackend({ dataDir: dir, clock, checkOutputs: true });
  const call = (slot: SessionSlot, method: Method, input: unknown) => backend.dispatch(slot, method, input);
  const ok = async <M extends Method>(slot: SessionSlot, method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await backend.dispatch(slot, method, input);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.key} ${r.error.field ?? ''}`), { value: r.error });
    return r.value as Output<M>;
  };
  return {
    backend,
    clock,
    call,
    ok,
    async login(username, password = PASSWORD) {
      const slot: SessionSlot = { sessionId: null };
      await ok(slot, 'session.login', { username, password });
      return slot;
    },
    close() {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A partner registered at the centre with one verifier account (password PASSWORD). */
export async function addTestPartner(centre: TestBackend, name: string, username: string) {
  const p = await centre.ok(centre.admin, 'partners.save', {
    name,
    address: '幸福路18号',
    contactName: '王店长',
    contactPhone: '13912345678',
    offer: '米面粮油九折',
  });
  await centre.ok(centre.admin, 'partners.addVerifier', { partnerId: p.id, username, displayName: `${name}收银`, password: PASSWORD });
  return p;
}

/** The partner package's file as the admin saves it, and its decoded parts (for tampering in tests). */
export async function exportPackage(centre: TestBackend, partnerId: string) {
  const file = await centre.ok(centre.admin, 'partners.exportPackage', { partnerId });
  const outer = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as { keyId: number; body: string; signature: string };
  const bodyText = Buffer.from(outer.body, 'base64').toString('utf8');
  return { file, base64: file.base64, outer, bodyText, body: JSON.parse(bodyText) as Record<string, unknown> };
}

export const fileOf = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64');
