import { AppConfig, CommandPipeline, LedgerContext, paymentProviderFor } from '@channel-ledger/application';
import { EventStore } from '@channel-ledger/event-store';
import { ProcessManager } from '@channel-ledger/processes';
import { consoleLogger } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';

/**
 * Where the projections run, the time-driven processes run too (offers lapse, terms renew or end,
 * reminders, rights close): here on the production stack, in the API in the embedded default.
 * On the system clock (a sandbox test clock lives in the API process only), charging through the
 * sandbox payment provider in development (CHANNEL_LEDGER_SANDBOX_DECLINING_PAYMENT_METHODS) and
 * through none in production until a real adapter exists (a renewal charge then stops its process).
 * A second projector doing the same is harmless: every step's command id is derived, so the log
 * answers the repeat.
 */
export async function startProcesses(config: AppConfig, eventStore: EventStore, readStore: ReadStore): Promise<ProcessManager> {
  const manager = new ProcessManager({
    eventStore,
    readStore,
    ledger: new LedgerContext(eventStore, new CommandPipeline(eventStore)),
    payments: paymentProviderFor(config),
    clock: { now: () => new Date() },
    logger: consoleLogger,
  });
  await manager.start();
  return manager;
}
