/*
 * A process-manager instance of its own, for the crash test: opens the SQLite file named by
 * LEDGER_FILE, takes every step due at PROCESS_CLOCK (a fixed instant), prints a summary and exits.
 * CHARGE_DELAY_MS makes each charge take that long (a payment gateway's latency), so a run lasts
 * long enough to be killed in the middle.
 */
import { CommandPipeline, LedgerContext, PaymentProvider, SandboxPaymentProvider } from '@channel-ledger/application';
import { openSqliteEventStore } from '@channel-ledger/event-store';
import { openSqliteReadStore } from '@channel-ledger/read-store';
import { ProcessManager } from '../process-manager';

async function main(): Promise<void> {
  const file = process.env.LEDGER_FILE!;
  const now = new Date(process.env.PROCESS_CLOCK!);
  const delayMs = Number(process.env.CHARGE_DELAY_MS ?? '0');
  const eventStore = await openSqliteEventStore({ path: file, synchronous: 'NORMAL' });
  const readStore = await openSqliteReadStore({ path: file });
  const sandbox = SandboxPaymentProvider.fromEnvironment();
  const payments: PaymentProvider = {
    charge: async (request) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return sandbox.charge(request);
    },
  };
  const manager = new ProcessManager({
    eventStore,
    readStore,
    ledger: new LedgerContext(eventStore, new CommandPipeline(eventStore)),
    payments,
    clock: { now: () => now },
    autoRun: false,
  });
  await manager.start();
  const steps = await manager.runDue();
  const failed = steps.filter((step) => step.failure);
  await manager.stop();
  await readStore.close();
  await eventStore.close();
  process.stdout.write(`${JSON.stringify({ steps: steps.length, appended: steps.filter((s) => s.appended).length, failed })}\n`);
  process.exit(failed.length > 0 ? 2 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
