'use strict';
/*
 * The rebuild section's build, in a process of its own on the compiled sources (dist), so the
 * peak resident memory it reports is the build's and not the TypeScript compiler's (ts-node alone
 * holds about 200 MB). Prints one JSON line.
 * Usage: node bench/rebuild-phase.js <dist> <events file> <read-store file> <head position>
 */
const path = require('node:path');

const [dist, eventsPath, readPath, headText] = process.argv.slice(2);
require('tsconfig-paths').register({ baseUrl: dist, paths: require('../tsconfig.base.json').compilerOptions.paths });
const lib = (name) => require(path.join(dist, 'libs', name, 'src'));

async function main() {
  const { openSqliteEventStore } = lib('event-store');
  const { openSqliteReadStore } = lib('read-store');
  const { ProjectionRunner, readModelProjections } = lib('projections');
  const store = await openSqliteEventStore({ path: eventsPath });
  const readStore = await openSqliteReadStore({ path: readPath });
  const runner = new ProjectionRunner({ eventStore: store, readStore, projections: readModelProjections });
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  // What a request arriving during the build waits for: the gaps between 1 ms timers.
  const stalls = [];
  let ticking = true;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    stalls.push(Math.max(0, now - last - 1));
    last = now;
    if (ticking) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const started = performance.now();
  await runner.start();
  await runner.waitUntilCaughtUp(BigInt(headText), { timeoutMs: 3_600_000 });
  const seconds = (performance.now() - started) / 1000;
  ticking = false;
  await runner.stop();
  await readStore.close();
  await store.close();
  stalls.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      seconds,
      rssBefore,
      rssPeak: process.resourceUsage().maxRSS / 1024,
      stallMax: stalls[stalls.length - 1],
      stallP99: stalls[Math.min(stalls.length - 1, Math.floor(0.99 * stalls.length))],
      samples: stalls.length,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
