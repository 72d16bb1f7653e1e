import { Presets, SingleBar } from 'cli-progress';
import { CliIo } from '../io';

export interface Progress {
  /** `done` events so far; `position` where in the log (the bar's measure when the total is a position). */
  update(done: number, position?: bigint | null): void;
  stop(): void;
}

const quiet: Progress = { update: () => undefined, stop: () => undefined };

/**
 * Events done, events per second and time left, on stderr, only when stderr is a terminal: piped
 * or redirected output stays clean. `total` is the head position (on SQLite the number of events;
 * on EventStoreDB a log offset, still a fair measure of how far along).
 */
export function progress(io: CliIo, label: string, total: bigint | null): Progress {
  if (!io.interactive || total === null || total <= 0n) return quiet;
  const started = Date.now();
  const bar = new SingleBar(
    {
      format: `${label} {bar} {percentage}% | {done} events | {rate} events/s | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    Presets.shades_classic,
  );
  bar.start(Number(total), 0, { done: 0, rate: 0 });
  return {
    update(done, position) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(Number(position ?? BigInt(done)), {
        done: done.toLocaleString('en-US'),
        rate: Math.round(done / seconds).toLocaleString('en-US'),
      });
    },
    stop: () => bar.stop(),
  };
}
