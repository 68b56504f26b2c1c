import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

/**
 * Every message key the backend or the contract can send has words in the catalogue: a missing one
 * would show the user a raw key like `calendar.file.badYear`.
 */
const ROOTS = ['shared', 'electron/backend'];
const KEY = String.raw`([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)`;
const PATTERNS = [
  new RegExp(String.raw`fail\.\w+\(\s*'${KEY}'`, 'g'), // fail.validation('resident.phone.invalid', …)
  new RegExp(String.raw`new AppError\(\s*'[A-Z_]+',\s*'${KEY}'`, 'g'),
  new RegExp(String.raw`key:\s*'${KEY}'`, 'g'), // { code, key: 'error.internal' }
  new RegExp(String.raw`,\s*'${KEY}'\s*\)`, 'g'), // zod: .min(1, 'validation.required'), .refine(f, 'key')
  new RegExp(String.raw`z\.\w+\(\s*'${KEY}'\s*\)`, 'g'), // z.string('validation.required')
];
/** Keys built at run time. */
const DYNAMIC = ['resident.idNumber.format', 'resident.idNumber.birthDate', 'resident.idNumber.checkDigit'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('testSupport.ts') ? [p] : [];
  });
}

function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of PATTERNS) for (const m of text.matchAll(re)) keys.set(m[1]!, file);
  }
  for (const k of DYNAMIC) keys.set(k, 'dynamic');
  return keys;
}

describe('message catalogue', () => {
  const keys = usedKeys();

  it('finds the keys (the scan itself works)', () => {
    expect(keys.has('resident.phone.invalid')).toBe(true);
    expect(keys.has('validation.required')).toBe(true);
    expect(keys.size).toBeGreaterThan(60);
  });

  it('has Chinese words for every key the backend can send', () => {
    const missing = [...keys].filter(([k]) => !(k in zhCN)).map(([k, file]) => `${k} (${file})`);
    expect(missing).toEqual([]);
  });
});
