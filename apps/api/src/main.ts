import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { InvalidConfigurationError, loadConfig } from '@channel-ledger/application';
import { createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const where = config.eventStore.kind === 'sqlite' ? `embedded store ${config.eventStore.path}` : 'EventStoreDB';
  new Logger('channel-ledger').log(`API listening on http://${config.host}:${config.port} (${where})`);
}

main().catch((error: unknown) => {
  // A bad setting is the operator's to fix: say what, without a stack trace.
  if (error instanceof InvalidConfigurationError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
