import { z } from 'zod';
import { call } from './define';
import { OFFICE, STAFF } from './roles';
import { exportedFile, fileBase64, id, isoDate, maskedFieldUpdate, optionalText, page, text } from './common';

export const RESIDENT_TAGS = ['独居老人', '孤寡', '空巢老人', '残疾', '低保', '特困', '低收入', '退役军人', '党员', '孕妇', '重点关注'] as const;

export const gender = z.enum(['M', 'F'], 'resident.gender.required');

/**
 * What a person types for a resident. The ID number and phone are checked in the backend (the
 * check digit needs today's date for the birth-date bound, and the messages name the problem).
 */
export const residentInput = z.object({
  name: text(30),
  idNumber: optionalText(30),
  /** Required when no ID number is given; derived from the ID number otherwise. */
  gender: gender.optional(),
  birthDate: isoDate.optional(),
  phone: optionalText(30),
  buildingId: id.nullable().optional(),
  unit: optionalText(10),
  room: optionalText(10),
  tags: z.array(z.string().trim().min(1).max(12, 'validation.tooLong'), 'validation.invalidType').max(20).default([]),
  notes: optionalText(500),
});
export type ResidentInput = z.input<typeof residentInput>;

/** A resident as lists and forms see it: ID number and phone masked. */
export const resident = z.object({
  id: z.string(),
  name: z.string(),
  gender,
  birthDate: z.string().nullable(),
  age: z.number().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  buildingId: z.string().nullable(),
  /** 片区 / 网格 / 楼栋 names joined for display. */
  address: z.string(),
  unit: z.string().nullable(),
  room: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  updatedAt: z.number(),
});
export type Resident = z.infer<typeof resident>;

export const duplicate = z.object({
  id: z.string(),
  name: z.string(),
  reason: z.enum(['idNumber', 'namePhone']),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
});

export const importMapping = z.object({
  name: z.number().int().min(0),
  idNumber: z.number().int().min(0).nullable(),
  gender: z.number().int().min(0).nullable(),
  birthDate: z.number().int().min(0).nullable(),
  phone: z.number().int().min(0).nullable(),
  area: z.number().int().min(0).nullable(),
  grid: z.number().int().min(0).nullable(),
  building: z.number().int().min(0).nullable(),
  unit: z.number().int().min(0).nullable(),
  room: z.number().int().min(0).nullable(),
  tags: z.number().int().min(0).nullable(),
});
export type ImportMapping = z.infer<typeof importMapping>;
export const IMPORT_FIELDS = Object.keys(importMapping.shape) as (keyof ImportMapping)[];

const importRow = z.object({
  /** 1-based row number in the sheet, as Excel shows it. */
  row: z.number(),
  name: z.string(),
  status: z.enum(['new', 'existing', 'error']),
  errors: z.array(z.object({ field: z.string(), key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
});

export const importPreview = z.object({
  sheetName: z.string(),
  headers: z.array(z.string()),
  mapping: importMapping,
  totalRows: z.number(),
  newRows: z.number(),
  existingRows: z.number(),
  errorRows: z.number(),
  rows: z.array(importRow),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const residentsContract = {
  'residents.search': call({
    summary: '查找居民（姓名、拼音首字母、电话或身份证号片段）',
    access: STAFF,
    input: z.object({
      q: z.string().trim().max(40, 'validation.tooLong').default(''),
      gridNodeId: id.optional(),
      tag: z.string().max(12).optional(),
      ...page,
    }),
    output: z.object({ total: z.number(), rows: z.array(resident) }),
  }),
  'residents.get': call({ summary: '居民详情', access: STAFF, input: z.object({ id }), output: resident }),
  'residents.checkDuplicates': call({
    summary: '查重（相同身份证号，或相同姓名+电话）',
    access: OFFICE,
    input: z.object({ name: z.string().max(30).default(''), idNumber: z.string().max(30).optional(), phone: z.string().max(30).optional(), exceptId: id.optional() }),
    output: z.array(duplicate),
  }),
  'residents.create': call({
    summary: '登记居民',
    access: OFFICE,
    input: residentInput.extend({ confirmDuplicate: z.boolean().default(false) }),
    output: resident,
  }),
  'residents.update': call({
    summary: '修改居民信息',
    access: OFFICE,
    input: residentInput.extend({
      id,
      idNumber: maskedFieldUpdate(30),
      phone: maskedFieldUpdate(30),
      confirmDuplicate: z.boolean().default(false),
    }),
    output: resident,
  }),
  'residents.void': call({
    summary: '作废居民记录（写明原因，不删除）',
    access: OFFICE,
    input: z.object({ id, reason: text(200) }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'residents.reveal': call({
    summary: '查看完整身份证号/电话（记入审计日志）',
    access: OFFICE,
    input: z.object({ id, field: z.enum(['idNumber', 'phone']) }),
    output: z.object({ value: z.string().nullable() }),
  }),
  'residents.importPreview': call({
    summary: '导入居民：预览与逐行检查（不写入）',
    access: OFFICE,
    input: z.object({ fileBase64, mapping: importMapping.optional() }),
    output: importPreview,
  }),
  'residents.importCommit': call({
    summary: '导入居民：确认写入无误的行',
    access: OFFICE,
    input: z.object({ fileBase64, mapping: importMapping }),
    output: z.object({ created: z.number(), existing: z.number(), skippedErrors: z.number() }),
  }),
  'residents.export': call({
    summary: '导出居民名单（Excel，记入审计日志）',
    access: OFFICE,
    input: z.object({ q: z.string().trim().max(40).default(''), gridNodeId: id.optional(), tag: z.string().max(12).optional() }),
    output: exportedFile,
  }),
};
