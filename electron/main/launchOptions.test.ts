import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from './launchOptions';

describe('parseLaunchOptions', () => {
  it('defaults to the OS data folder and no demo data', () => {
    expect(parseLaunchOptions(['/opt/lianxin/lianxin-desk'], {})).toEqual({ dataDir: null, demo: false });
  });

  it('reads --data-dir in both forms and --demo, wherever they are', () => {
    expect(parseLaunchOptions(['electron', '.', '--data-dir', '/tmp/a', '--demo'], {})).toEqual({ dataDir: '/tmp/a', demo: true });
    expect(parseLaunchOptions(['app.exe', '--demo', '--data-dir=D:\\连心\\数据'], {})).toEqual({ dataDir: 'D:\\连心\\数据', demo: true });
  });

  it('lets the command line win over LIANXIN_DATA_DIR', () => {
    expect(parseLaunchOptions(['app', '--data-dir', '/cli'], { LIANXIN_DATA_DIR: '/env' }).dataDir).toBe('/cli');
    expect(parseLaunchOptions(['app'], { LIANXIN_DATA_DIR: '/env' }).dataDir).toBe('/env');
    expect(parseLaunchOptions(['app'], { LIANXIN_DATA_DIR: '  ' }).dataDir).toBeNull();
  });

  it('ignores a --data-dir without a value', () => {
    expect(parseLaunchOptions(['app', '--data-dir'], {}).dataDir).toBeNull();
    expect(parseLaunchOptions(['app', '--data-dir', '--demo'], {})).toEqual({ dataDir: null, demo: true });
    expect(parseLaunchOptions(['app', '--data-dir='], {}).dataDir).toBeNull();
  });
});
