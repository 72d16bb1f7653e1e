import { CATCH_UP_SLICE_MS, catchUpTurns } from './catch-up-turns';

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('catch-up turns', () => {
  it('runs one slice per turn of the event loop, so timers (requests) run between the slices of different workers', async () => {
    const log: string[] = [];
    const worker = async (name: string) => {
      for (let i = 0; i < 3; i++) {
        busyFor(CATCH_UP_SLICE_MS);
        expect(catchUpTurns.sliceUsed).toBe(true);
        log.push(name);
        await catchUpTurns.yield();
        expect(catchUpTurns.sliceUsed).toBe(false);
      }
    };
    const ticks = setInterval(() => log.push('tick'), 0);
    await Promise.all([worker('a'), worker('b'), worker('c')]);
    clearInterval(ticks);

    // The first slices ran when the workers were called; from then on, a tick between any two.
    const afterStart = log.slice(3);
    expect(afterStart.filter((entry) => entry !== 'tick')).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    afterStart.forEach((entry, i) => {
      if (entry !== 'tick' && i > 0) expect(afterStart[i - 1]).toBe('tick');
    });
  });
});
