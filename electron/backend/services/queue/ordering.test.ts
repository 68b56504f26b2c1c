import { describe, expect, it } from 'vitest';
import { callingOrder, eligibleFor, nextStreak, pickNext, type Candidate, type TicketClass } from './ordering';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 0, 0, 0);
const RULES = { priorityRun: 2, agingMinutes: 30 };

let seq = 0;
const ticket = (id: string, cls: TicketClass, minute: number, extra: Partial<Candidate> = {}): Candidate => ({
  id,
  ticketClass: cls,
  serviceId: 'svc-a',
  queuedAt: T0 + minute * MIN,
  seq: ++seq,
  targetCounter: null,
  ...extra,
});
const ids = (cs: Candidate[]) => cs.map((c) => c.id);

describe('fair ordering', () => {
  it('calls appointment, then priority, then ordinary', () => {
    const cs = [ticket('o1', 'ordinary', 0), ticket('p1', 'priority', 1), ticket('a1', 'appointment', 2)];
    expect(pickNext(cs, RULES, { streak: 0, now: T0 + 5 * MIN })!.id).toBe('a1');
    expect(pickNext(cs.slice(0, 2), RULES, { streak: 0, now: T0 + 5 * MIN })!.id).toBe('p1');
    expect(pickNext(cs.slice(0, 1), RULES, { streak: 0, now: T0 + 5 * MIN })!.id).toBe('o1');
    expect(pickNext([], RULES, { streak: 0, now: T0 })).toBeNull();
  });

  it('interleaves one ordinary after priorityRun priority calls: P,P,O,P,P,O', () => {
    const cs = [
      ...Array.from({ length: 6 }, (_, i) => ticket(`p${i + 1}`, 'priority', i)),
      ...Array.from({ length: 3 }, (_, i) => ticket(`o${i + 1}`, 'ordinary', i)),
    ];
    const order = callingOrder(cs, RULES, { streak: 0, now: T0 + 10 * MIN });
    expect(ids(order)).toEqual(['p1', 'p2', 'o1', 'p3', 'p4', 'o2', 'p5', 'p6', 'o3']);
    // With a run of 3: P,P,P,O
    expect(ids(callingOrder(cs, { ...RULES, priorityRun: 3 }, { streak: 0, now: T0 + 10 * MIN }))).toEqual([
      'p1', 'p2', 'p3', 'o1', 'p4', 'p5', 'p6', 'o2', 'o3',
    ]);
  });

  it('counts appointment calls in the streak and carries the counter streak in', () => {
    const cs = [ticket('a1', 'appointment', 3), ticket('p1', 'priority', 1), ticket('o1', 'ordinary', 0)];
    expect(ids(callingOrder(cs, RULES, { streak: 0, now: T0 + 5 * MIN }))).toEqual(['a1', 'p1', 'o1']);
    expect(ids(callingOrder(cs, RULES, { streak: 2, now: T0 + 5 * MIN }))).toEqual(['o1', 'a1', 'p1']);
    expect(nextStreak(1, 'priority')).toBe(2);
    expect(nextStreak(1, 'appointment')).toBe(2);
    expect(nextStreak(5, 'ordinary')).toBe(0);
  });

  it('is first-come within a class: by queued time, then by sequence', () => {
    const cs = [ticket('o3', 'ordinary', 5), ticket('o1', 'ordinary', 1, { seq: 20 }), ticket('o2', 'ordinary', 1, { seq: 21 }), ticket('o0', 'ordinary', 0)];
    expect(ids(callingOrder(cs, RULES, { streak: 0, now: T0 + 6 * MIN }))).toEqual(['o0', 'o1', 'o2', 'o3']);
  });

  it('calls an aged ordinary ticket first, the longest-waiting one', () => {
    const now = T0 + 40 * MIN;
    const cs = [ticket('a1', 'appointment', 39), ticket('p1', 'priority', 38), ticket('o2', 'ordinary', 5), ticket('o1', 'ordinary', 2), ticket('o3', 'ordinary', 20)];
    expect(pickNext(cs, RULES, { streak: 0, now })!.id).toBe('o1');
    // 29 minutes is not yet aged
    expect(pickNext(cs, RULES, { streak: 0, now: T0 + 31 * MIN })!.id).toBe('a1');
    expect(pickNext(cs, RULES, { streak: 0, now: T0 + 32 * MIN })!.id).toBe('o1');
  });

  it('respects target counters and the services a counter serves', () => {
    const cs = [
      ticket('x', 'ordinary', 0, { targetCounter: 2 }),
      ticket('y', 'ordinary', 1, { serviceId: 'svc-b' }),
      ticket('z', 'ordinary', 2),
      ticket('w', 'priority', 3, { targetCounter: 1 }),
    ];
    expect(ids(eligibleFor(cs, 1, new Set(['svc-a'])))).toEqual(['z', 'w']);
    expect(ids(eligibleFor(cs, 2, new Set(['svc-a', 'svc-b'])))).toEqual(['x', 'y', 'z']);
    expect(pickNext(eligibleFor(cs, 1, new Set(['svc-a'])), RULES, { streak: 0, now: T0 + 5 * MIN })!.id).toBe('w');
  });
});

/**
 * One counter under a stream it cannot keep up with: priority tickets arrive every 2 minutes,
 * ordinary every 10, each ticket takes 4 minutes. Without aging, ordinary tickets would wait for a
 * run of 10 priority calls at a time and fall ever further behind.
 */
function simulate(rules: { priorityRun: number; agingMinutes: number }) {
  const HOURS = 6;
  const SERVICE = 4;
  const arrivals: Candidate[] = [];
  let n = 0;
  for (let m = 0; m < HOURS * 60; m++) {
    if (m % 2 === 0) arrivals.push({ id: `P${++n}`, ticketClass: 'priority', serviceId: 's', queuedAt: T0 + m * MIN, seq: n, targetCounter: null });
    if (m % 10 === 3) arrivals.push({ id: `O${++n}`, ticketClass: 'ordinary', serviceId: 's', queuedAt: T0 + m * MIN, seq: n, targetCounter: null });
  }
  const waits: number[] = [];
  const ordinaryCount = arrivals.filter((a) => a.ticketClass === 'ordinary').length;
  let queue: Candidate[] = [];
  let streak = 0;
  let next = 0;
  for (let now = T0; waits.length < ordinaryCount; now += SERVICE * MIN) {
    while (next < arrivals.length && arrivals[next]!.queuedAt <= now) queue.push(arrivals[next++]!);
    const pick = pickNext(queue, rules, { streak, now });
    if (!pick) continue;
    queue = queue.filter((c) => c !== pick);
    streak = nextStreak(streak, pick.ticketClass);
    if (pick.ticketClass === 'ordinary') waits.push((now - pick.queuedAt) / MIN);
  }
  return { waits, ordinaryCount };
}

describe('aging proof', () => {
  it('no ordinary ticket waits past the aging limit plus one service time under a stream of priority tickets', () => {
    const { waits, ordinaryCount } = simulate({ priorityRun: 10, agingMinutes: 30 });
    expect(waits).toHaveLength(ordinaryCount);
    expect(ordinaryCount).toBeGreaterThan(30);
    expect(Math.max(...waits)).toBeLessThanOrEqual(30 + 4);
  });

  it('the same stream without aging starves ordinary tickets (the proof above can fail)', () => {
    const { waits } = simulate({ priorityRun: 10, agingMinutes: 100_000 });
    expect(Math.max(...waits)).toBeGreaterThan(60);
  });
});
