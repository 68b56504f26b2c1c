import { describe, expect, it } from 'vitest';
import { DiskShare } from './diskShare';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* a step of work */
  }
};

describe('DiskShare', () => {
  it('rests three times as long as each step of writing took', async () => {
    const share = new DiskShare();
    busy(20);
    const t = performance.now();
    await share.rest();
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    // the next step is counted from the end of the rest, not from the start
    const t2 = performance.now();
    await share.rest();
    expect(performance.now() - t2).toBeLessThan(45);
  });

  it("never blocks the main thread (the desk's calls run there)", () => {
    const share = new DiskShare();
    busy(20);
    const t = performance.now();
    share.restSync();
    expect(performance.now() - t).toBeLessThan(10);
  });
});
