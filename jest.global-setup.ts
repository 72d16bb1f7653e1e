/**
 * Says up front which server-backed contract suites run in this test run and why the others
 * are skipped (Jest does not show the console output of a fully skipped test file).
 */
export default function announceContractSuites(): void {
  const lines = [
    process.env.EVENTSTORE_CONNECTION_STRING
      ? 'EventStoreDB contract suite: runs against EVENTSTORE_CONNECTION_STRING'
      : 'EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set (docker compose up -d eventstore to run it)',
    process.env.MONGODB_URI
      ? 'MongoDB contract suite: runs against MONGODB_URI'
      : 'MongoDB contract suite skipped: MONGODB_URI is not set (docker compose up -d mongodb to run it)',
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
}
