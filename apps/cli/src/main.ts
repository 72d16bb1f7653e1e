import { InvalidConfigurationError, loadConfig, openEventStore } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { replayStream, toJsonLine } from './stream-history';
import { verifyLog } from './verify-log';

const USAGE = `channel-ledger auditor/support tools

  verify                                  check every stream's hash chain; exit 1 if one is broken
  history <streamId> [--as-of <iso>] [--revision <n>]
                                          the stream's events, one JSON line each
  state <streamId> [--as-of <iso>] [--revision <n>]
                                          the state the stream folds to (as of a time or revision)
  export [--after <position>]             the whole log in order, one JSON line per event

Stores are chosen as for the API (CHANNEL_LEDGER_SQLITE_PATH, EVENTSTORE_CONNECTION_STRING).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const store = await openEventStore(loadConfig());
  try {
    return await run(store, command, rest);
  } finally {
    await store.close();
  }
}

async function run(store: EventStore, command: string, args: string[]): Promise<number> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const asOf = () => ({
    recordedAt: option('--as-of'),
    revision: option('--revision') === undefined ? undefined : BigInt(option('--revision') as string),
  });
  switch (command) {
    case 'verify': {
      const result = await verifyLog(store);
      console.log(toJsonLine(result));
      return result.broken.length === 0 ? 0 : 1;
    }
    case 'history':
    case 'state': {
      const streamId = args[0];
      if (!streamId || streamId.startsWith('--')) throw new UsageError(`${command} needs a stream id`);
      const { events, state } = await replayStream(store, streamId, asOf());
      if (command === 'history') for (const e of events) console.log(toJsonLine(e));
      else console.log(toJsonLine({ streamId, eventsFolded: events.length, state }));
      return 0;
    }
    case 'export': {
      let after = option('--after') === undefined ? null : BigInt(option('--after') as string);
      for (;;) {
        const page = await store.readAll({ after, limit: 1000 });
        for (const e of page.events) console.log(toJsonLine(e));
        if (page.isEnd || page.lastPosition === null) return 0;
        after = page.lastPosition;
      }
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof InvalidConfigurationError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
