import type { AppErrorValue } from '../../../shared/contract';
import { zhCN } from './zh-CN';

/** The message for a key with its {placeholders} filled; an unknown key shows itself (a bug to fix). */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const template = zhCN[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function errorText(e: AppErrorValue): string {
  return t(e.key, e.params);
}
