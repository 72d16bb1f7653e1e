// In CI (CI=true), install and tests must leave the work tree as they found it: a lock file the
// install rewrote or a file a test forgot is named here and fails the run.
const { execFileSync } = require('node:child_process');

if (process.env.CI) {
  const changed = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim();
  if (changed !== '') {
    console.error(`The work tree changed during install or tests:\n${changed}`);
    process.exit(1);
  }
}
