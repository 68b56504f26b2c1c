import { describe as group, expect, it } from 'vitest';
import { activityRows, describe } from './activityText';

const entry = (id: number, direction: 'up' | 'down' | 'error', detail: string | null, count = 0) => ({ id, at: 1_000 * id, direction, stream: null, count, detail });

group('sync activity in plain words', () => {
  it('says what a push did, with what was parked and what got no answer', () => {
    expect(describe(entry(1, 'up', 'sent 40, parked 2', 40)).text).toBe('县级平台已收下 40 条，搁置 2 条（见上方）');
    expect(describe(entry(2, 'up', 'sent 3, unanswered 5', 3)).text).toBe('县级平台已收下 3 条，5 条未获回应，稍后重发');
  });

  it('turns an engine error code into its sentence and keeps the technical part apart', () => {
    const d = describe(entry(1, 'error', 'unreachable: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:36545'));
    expect(d.text).toBe('无法连接县级平台：请检查网线、网络和平台地址');
    expect(d.technical).toBe('ECONNREFUSED connect ECONNREFUSED 127.0.0.1:36545');
    expect(describe(entry(2, 'error', 'clock_skew: -17 min')).text).toBe('本机时钟与县级平台相差 17 分钟：请把本机时间校准后再试');
  });

  it('leaves words it does not know as they are (the pull logs its own Chinese)', () => {
    expect(describe(entry(1, 'down', '收到 1 条：应用 1，重复 0，搁置 0', 1)).text).toBe('收到 1 条：应用 1，重复 0，搁置 0');
  });

  it('folds the same failure repeated in a row into one line, but not failures apart', () => {
    const rows = activityRows([
      entry(9, 'error', 'unreachable: x'),
      entry(8, 'error', 'unreachable: x'),
      entry(7, 'error', 'unreachable: x'),
      entry(6, 'up', 'sent 1', 1),
      entry(5, 'error', 'unreachable: x'),
      entry(4, 'error', 'timeout'),
    ]);
    expect(rows.map((r) => [r.id, r.repeats])).toEqual([
      [9, 3],
      [6, 1],
      [5, 1],
      [4, 1],
    ]);
  });
});
