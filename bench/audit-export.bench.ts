/**
 * npm run bench:audit — do export and verify stay flat in memory however long the history is?
 *
 * Compiles the sources once (into a temp folder under node_modules), generates BENCH_EVENTS events (default
 * 1,000,000) into a temp SQLite file in streams of BENCH_STREAM_LENGTH (default 10): seat
 * additions and their invoices, interleaved so every chain spans the whole log. Then it seals a
 * checkpoint, exports the log as JSONL through the CLI's code, verifies the export offline and the
 * store in place. Each phase runs in a process of its own (bench/audit-phase.js, on the compiled
 * code, with the heap cap the channel-ledger command runs with), so the peak resident memory
 * printed is that phase's alone; "baseline" is a process that
 * only loads the CLI. The temp folder is deleted at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const N = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const STREAM_LENGTH = Number(process.env.BENCH_STREAM_LENGTH ?? 10);
const PHASES = ['baseline', 'generate', 'seal', 'export', 'verify-file', 'verify-store'] as const;

function main(): void {
  const root = join(__dirname, '..');
  const work = mkdtempSync(join(tmpdir(), 'audit-bench-'));
  const cleanup = [work];
  try {
    // Inside node_modules so the compiled files resolve the project's packages; removed at the end.
    const dist = mkdtempSync(join(root, 'node_modules', '.cache-audit-bench-'));
    cleanup.push(dist);
    // Emits even if unrelated files fail to type-check; only the files this bench runs must exist.
    spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', dist], {
      stdio: 'ignore',
    });
    if (!existsSync(join(dist, 'apps', 'cli', 'src', 'program.js'))) throw new Error('the sources did not compile');
    console.log(
      `audit export/verify benchmark: ${N.toLocaleString('en-US')} events in streams of ${STREAM_LENGTH}, node ${process.version}`,
    );
    const rows: Record<string, string>[] = [];
    for (const phase of PHASES) {
      const heap = `--max-old-space-size=${process.env.CHANNEL_LEDGER_CLI_HEAP_MB ?? 192}`; // as apps/cli/bin runs the CLI
      const child = spawnSync(
        process.execPath,
        [heap, join(__dirname, 'audit-phase.js'), dist, phase, work, String(N), String(STREAM_LENGTH)],
        {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 20,
        },
      );
      if (child.status !== 0) throw new Error(`phase ${phase} failed (${child.status})`);
      const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as { code: number; seconds: number; peakRssMb: number };
      if (result.code !== 0) throw new Error(`phase ${phase} answered exit status ${result.code}`);
      rows.push({
        phase,
        seconds: result.seconds.toFixed(1),
        'events/s': phase === 'baseline' ? '' : Math.round(N / result.seconds).toLocaleString('en-US'),
        'peak RSS (MB)': result.peakRssMb.toFixed(0),
      });
      console.log(`  ${phase}: ${rows[rows.length - 1]['seconds']} s, peak RSS ${rows[rows.length - 1]['peak RSS (MB)']} MB`);
    }
    console.table(rows);
    console.log(
      `sizes: store ${(statSync(join(work, 'ledger.sqlite')).size / 2 ** 20).toFixed(0)} MB, export ${(statSync(join(work, 'ledger.jsonl')).size / 2 ** 20).toFixed(0)} MB`,
    );
  } finally {
    // BENCH_KEEP=1 keeps the compiled code and the data for a closer look (remove them yourself).
    if (process.env.BENCH_KEEP) console.log(`kept: ${cleanup.join(' ')}`);
    else for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
}

main();
