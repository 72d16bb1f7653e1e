import { embeddedChildEnv } from '@channel-ledger/application/testing/child-process-env';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

describe('projector process', () => {
  jest.setTimeout(60_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('starts against the configured SQLite file and exits cleanly on %s', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'projector-main-'));
    try {
      const dataFile = join(dir, 'nested', 'channel-ledger.sqlite');
      const child = spawn(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'main.ts')],
        {
          cwd: ROOT,
          env: embeddedChildEnv({ TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), CHANNEL_LEDGER_SQLITE_PATH: dataFile }),
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      const running = new Promise<void>((ready, failed) => {
        child.stdout!.on('data', (chunk) => {
          output += chunk;
          if (output.includes('running')) ready();
        });
        child.stderr!.on('data', (chunk) => (output += chunk));
        child.on('exit', () => failed(new Error(`projector exited before running:\n${output}`)));
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on('exit', (code, sig) => done({ code, signal: sig })),
      );
      await running;
      expect(existsSync(dataFile)).toBe(true);
      child.kill(signal);
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(output).toContain(`${signal}: finishing the current batches`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
