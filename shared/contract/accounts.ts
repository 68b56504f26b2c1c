import { z } from 'zod';
import { call } from './define';
import { ADMIN, ROLES, STAFF, type Role } from './roles';
import { fileBase64, id, ok, optionalText, text } from './common';

const allRoles: readonly Role[] = ROLES;

export const role = z.enum(ROLES, 'validation.badRole');
export const username = z
  .string('validation.required')
  .trim()
  .min(2, 'user.username.short')
  .max(32, 'validation.tooLong')
  .regex(/^[A-Za-z0-9_.-]+$/, 'user.username.chars');
/** At least 8 characters with a letter and a digit: staff PCs sit in public halls. */
export const password = z
  .string('validation.required')
  .min(8, 'user.password.short')
  .max(128, 'validation.tooLong')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'user.password.weak');

export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  lockedUntil: z.number().nullable(),
  staffId: z.string().nullable(),
  lastLoginAt: z.number().nullable(),
});
export type User = z.infer<typeof user>;

export const me = z.object({ id: z.string(), username: z.string(), displayName: z.string(), role });
export type Me = z.infer<typeof me>;

export const auditEntry = z.object({
  id: z.string(),
  at: z.number(),
  username: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntryRow = z.infer<typeof auditEntry>;

/** audit.verifyChain: whether the audit log's hash chain is whole (services/audit/chain.ts). */
export const auditChainResult = z.object({
  ok: z.boolean(),
  /** Rows found intact, in order, before the first bad one (all of them when ok). */
  checked: z.number(),
  /** The first row that does not fit the chain: it, or a row just before it, was changed, deleted or inserted. */
  firstBad: z.object({ seq: z.number(), at: z.number(), action: z.string() }).nullable(),
  /** Rows missing after the last one (seqs handed out that no row has now); 0 when none. */
  missingAtEnd: z.number(),
});
export type AuditChainResult = z.infer<typeof auditChainResult>;

export const systemStatus = z.object({
  setupDone: z.boolean(),
  centreName: z.string(),
  version: z.string(),
  schemaVersion: z.number(),
  /** 'partner': this PC is a partner supermarket's till, set up from a partner package (SPEC §4.7). */
  mode: z.enum(['centre', 'partner']),
  /** The demo centre's credentials, shown on the login page only while the demo admin is unchanged. */
  demoLogin: z.object({ username: z.string(), password: z.string() }).nullable(),
});

export const session = z.object({
  me: me.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionInfo = z.infer<typeof session>;

export const accountsContract = {
  'system.status': call({ summary: '系统状态（是否完成首次设置）', access: 'public', input: z.object({}), output: systemStatus }),
  'system.setup': call({
    summary: '首次运行：创建管理员和中心名称',
    access: 'public',
    input: z.object({ centreName: text(60), username, displayName: text(30), password }),
    output: me,
  }),
  /** First run on a partner's PC: the signed package from the centre instead of a new admin. */
  'system.setupPartner': call({
    summary: '首次运行：用中心的商户数据包设置为爱心商户收银台',
    access: 'public',
    input: z.object({ fileBase64 }),
    output: z.object({ partnerName: z.string(), centreName: z.string(), verifiers: z.array(z.string()) }),
  }),
  'session.get': call({ summary: '当前会话', access: 'public', input: z.object({}), output: session }),
  'session.login': call({
    summary: '登录',
    access: 'public',
    input: z.object({ username: z.string('validation.required').trim().min(1, 'validation.required').max(64), password: z.string('validation.required').min(1, 'validation.required').max(128) }),
    output: me,
  }),
  'session.logout': call({ summary: '退出登录', access: allRoles, input: z.object({}), output: ok }),
  'session.lock': call({ summary: '锁定屏幕', access: allRoles, input: z.object({}), output: ok }),
  'session.unlock': call({
    summary: '解锁屏幕',
    access: allRoles,
    input: z.object({ password: z.string('validation.required').min(1, 'validation.required').max(128) }),
    output: me,
  }),
  'session.changePassword': call({
    summary: '修改自己的密码',
    access: allRoles,
    input: z.object({ oldPassword: z.string().min(1, 'validation.required').max(128), newPassword: password }),
    output: ok,
  }),
  'users.list': call({ summary: '账号列表', access: ADMIN, input: z.object({}), output: z.array(user) }),
  'users.create': call({
    summary: '新建账号',
    access: ADMIN,
    input: z.object({ username, displayName: text(30), role, password, staffId: id.nullable().optional() }),
    output: user,
  }),
  'users.update': call({
    summary: '修改账号（姓名、角色、停用）',
    access: ADMIN,
    input: z.object({ id, displayName: text(30), role, disabled: z.boolean(), staffId: id.nullable().optional() }),
    output: user,
  }),
  'users.resetPassword': call({
    summary: '重置密码',
    access: ADMIN,
    input: z.object({ id, password }),
    output: ok,
  }),
  'users.clearLockout': call({ summary: '解除登录锁定', access: ADMIN, input: z.object({ id }), output: ok }),
  'settings.get': call({
    summary: '中心设置',
    access: STAFF,
    input: z.object({}),
    output: z.object({ centreName: z.string(), centreCode: z.string(), idleLockMinutes: z.number() }),
  }),
  'settings.update': call({
    summary: '修改中心设置',
    access: ADMIN,
    input: z.object({
      centreName: text(60),
      centreCode: z.string().trim().regex(/^[A-Za-z0-9]{2,20}$/, 'settings.centreCode.format'),
      idleLockMinutes: z.number('validation.invalidType').int('validation.integer').min(1, 'validation.tooSmall').max(240, 'validation.tooBig'),
    }),
    output: ok,
  }),
  'audit.list': call({
    summary: '审计日志',
    access: ADMIN,
    input: z.object({
      action: optionalText(60),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({
      total: z.number(),
      rows: z.array(auditEntry),
    }),
  }),
  'audit.verifyChain': call({
    summary: '校验审计日志',
    access: ADMIN,
    input: z.object({}),
    output: auditChainResult,
  }),
};
