#!/usr/bin/env node
'use strict';
/*
 * The channel-ledger command. Runs the compiled CLI (dist/) when it is at least as new as every
 * source it was built from; otherwise runs the TypeScript sources directly (transpile-only, no
 * type check), so a command starts in a second or two instead of after a full `tsc` build.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

/*
 * Export and verify stream the log, so what they keep alive is small (a link per stream); left
 * alone, V8 still grows the heap with garbage long before collecting it, and a million events
 * would show 300-500 MB resident. A heap cap makes it collect instead (docs/benchmarks.md). Raise
 * it with CHANNEL_LEDGER_CLI_HEAP_MB for ledgers of millions of streams, or pass your own
 * --max-old-space-size in NODE_OPTIONS.
 */
const HEAP_FLAG = /--max-old-space-size/;
if (!process.execArgv.some((arg) => HEAP_FLAG.test(arg)) && !HEAP_FLAG.test(process.env.NODE_OPTIONS || '')) {
  const heapMb = Number(process.env.CHANNEL_LEDGER_CLI_HEAP_MB || 192);
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, ...process.execArgv, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(child.status === null ? 1 : child.status);
}

const root = path.resolve(__dirname, '..', '..', '..');
const compiled = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(full, newest);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (!existsSync(compiled)) return false;
  const sources = [path.join(root, 'apps', 'cli', 'src'), path.join(root, 'libs')].filter(existsSync);
  const newest = sources.reduce((max, dir) => newestSource(dir, max), 0);
  return statSync(compiled).mtimeMs >= newest;
}

if (compiledIsCurrent()) {
  require(path.join(root, 'scripts', 'register-paths.js'));
  require(compiled);
} else {
  process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || path.join(root, 'tsconfig.json');
  process.env.TS_NODE_TRANSPILE_ONLY = 'true';
  require('ts-node/register/transpile-only');
  require('tsconfig-paths/register');
  require(path.join(root, 'apps', 'cli', 'src', 'main.ts'));
}
