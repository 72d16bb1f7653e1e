import { InvalidConfigurationError, loadConfig } from './app-config';

describe('configuration at start-up', () => {
  it('defaults to the embedded SQLite file for events and read models, projections in process', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.eventStore).toEqual({ kind: 'sqlite', path: expect.stringMatching(/data\/channel-ledger\.sqlite$/) });
    expect(config.readStore.kind).toBe('sqlite');
    expect(config.runProjectionsInProcess).toBe(true);
  });

  it('uses EventStoreDB and MongoDB when their connection strings are set, projector separate', () => {
    const config = loadConfig({
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      MONGODB_URI: 'mongodb://localhost:27017/?replicaSet=rs0',
    });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
    expect(config.readStore).toEqual({ kind: 'mongodb', uri: 'mongodb://localhost:27017/?replicaSet=rs0', database: 'channel_ledger' });
    expect(config.runProjectionsInProcess).toBe(false);
  });

  it('names every bad value at once, with what was given', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        EVENTSTORE_CONNECTION_STRING: 'http://esdb',
        MONGODB_URI: 'postgres://x',
        RUN_PROJECTIONS_IN_PROCESS: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    const problems = (error as InvalidConfigurationError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/PORT .*got "eighty"/);
    expect(problems[1]).toMatch(/EVENTSTORE_CONNECTION_STRING .*esdb:\/\//);
    expect(problems[2]).toMatch(/MONGODB_URI/);
    expect(problems[3]).toMatch(/RUN_PROJECTIONS_IN_PROCESS must be true or false/);
  });
});
