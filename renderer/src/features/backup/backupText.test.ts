import { describe, expect, it } from 'vitest';
import type { BackupSummary } from '../../../../shared/contract/backup';
import { confirmRestoreText, countText, restoreInput, sizeText } from './backupText';

const summary = (over: Partial<BackupSummary> = {}): BackupSummary => ({
  createdAt: Date.UTC(2026, 11, 4, 9, 5), // 17:05 in Shanghai
  appVersion: '0.1.0',
  schemaVersion: 12,
  encrypted: true,
  dbBytes: 1,
  residents: 2400,
  requests: 314,
  cards: 30,
  appointments: 2624,
  users: 7,
  ...over,
});

describe('backup words', () => {
  it('tells sizes in MB below a gigabyte and in GB above', () => {
    expect(sizeText(0)).toBe('0.0 MB');
    expect(sizeText(400 * 1024)).toBe('0.4 MB');
    expect(sizeText(8.6 * 1024 * 1024)).toBe('8.6 MB');
    expect(sizeText(1024 ** 3 - 1)).toBe('1024.0 MB');
    expect(sizeText(1.25 * 1024 ** 3)).toBe('1.25 GB');
  });

  it('counts with the right measure word', () => {
    expect(countText('residents', 3)).toBe('3 人');
    expect(countText('requests', 3)).toBe('3 件');
    expect(countText('cards', 3)).toBe('3 张');
    expect(countText('appointments', 3)).toBe('3 条');
    expect(countText('users', 3)).toBe('3 个');
  });

  it('names what a restore replaces (the current data) and the backup’s date', () => {
    const text = confirmRestoreText(summary({ residents: 12 }), summary({ residents: 2400, requests: 5 }));
    expect(text).toContain('当前全部数据（居民 2400 人、诉求 5 件、爱心卡 30 张、预约 2624 条、账号 7 个）');
    expect(text).toContain('将被替换为 2026年12月4日 17:05 的备份');
    expect(text).toContain('恢复后所有人需重新登录');
  });

  it('sends a path without the spaces around it, and no passphrase when none was typed', () => {
    expect(restoreInput({ file: '  E:\\备份.lxbk ', passphrase: '' })).toEqual({ file: 'E:\\备份.lxbk', passphrase: undefined });
    expect(restoreInput({ file: 'a.lxbk', passphrase: 'secret123' })).toEqual({ file: 'a.lxbk', passphrase: 'secret123' });
  });
});
