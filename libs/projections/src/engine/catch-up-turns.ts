import { performance } from 'node:perf_hooks';

/** Longest stretch a catch-up works before letting the event loop serve others (ms). */
export const CATCH_UP_SLICE_MS = 5;

/**
 * Takes turns between the workers catching up in this process: one slice of work per turn of the
 * event loop, whichever worker's it is. Yielding with a bare setImmediate is not enough: every
 * immediate queued before the loop reaches its check phase runs in that same phase, so five
 * projections yielding together ran five slices (and five commits) back to back while timers and
 * requests waited for all of them.
 */
class CatchUpTurns {
  private last: Promise<void> = Promise.resolve();
  private sliceStartedAt = performance.now();

  /** True once the current slice has used its time. */
  get sliceUsed(): boolean {
    return performance.now() - this.sliceStartedAt >= CATCH_UP_SLICE_MS;
  }

  /** Resolves on a later turn of the loop than any worker that yielded before, and starts a slice. */
  async yield(): Promise<void> {
    const turn = this.last.then(nextTurn);
    this.last = turn;
    await turn;
    this.sliceStartedAt = performance.now();
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** One per process: the event loop is the process's. */
export const catchUpTurns = new CatchUpTurns();
