import request from 'supertest';
import { resellerStream } from '@channel-ledger/domain';
import { EventStore, verifyStreamChain } from '@channel-ledger/event-store';
import { startTestApp, TestApp } from '../../test/test-app';
import { EVENT_STORE } from '../infrastructure/infrastructure.module';

/**
 * Issue 11, "retries that answer, not fail": two API processes sharing one SQLite file (two apps,
 * two connections, two clocks) get the same request with the same Idempotency-Key at once. Each
 * app's first append to a reseller stream is held until both have decided, so they really race;
 * the loser used to answer 500 (its events, decided at another time, collided with the winner's).
 */
describe('a retried request racing its first attempt on another API process', () => {
  let first: TestApp;
  let second: TestApp;
  const restore: Array<() => void> = [];

  beforeEach(async () => {
    first = await startTestApp();
    second = await startTestApp({ sqlitePath: first.sqlitePath });
    // The other process's clock is a few seconds on: the retry carries another occurredAt.
    second.clock.advance(7_000);
  });
  afterEach(async () => {
    for (const undo of restore.splice(0)) undo();
    // The shared file lives in the first app's folder: close the second app first.
    await second?.close();
    await first?.close();
  });

  /** Holds each app's first append to a reseller stream until both apps have got there. */
  function raceOnResellerStreams(apps: TestApp[]): void {
    let arrived = 0;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    for (const t of apps) {
      const store = t.app.get<EventStore>(EVENT_STORE);
      const append = store.append;
      let held = false;
      store.append = async function (this: EventStore, streamId, events, expected) {
        if (!held && streamId.startsWith('reseller-')) {
          held = true;
          if (++arrived === apps.length) open();
          await opened;
        }
        return append.call(this, streamId, events, expected);
      };
      restore.push(() => (store.append = append));
    }
  }

  const registration = { companyName: 'Race Condition Ltd', email: 'ops@race.example', partnerKind: 'reseller' };
  const register = (t: TestApp) => request(t.http).post('/resellers').set('Idempotency-Key', 'register-race-1').send(registration);

  it('both answer 2xx with the same body, and the log holds the registration once', async () => {
    raceOnResellerStreams([first, second]);
    const [a, b] = await Promise.all([register(first), register(second)]);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.text).toBe(a.text);
    const { resellerId } = a.body as { resellerId: string };
    const store = first.app.get<EventStore>(EVENT_STORE);
    const events = await store.readStream(resellerStream(resellerId));
    expect(events.map((e) => e.type)).toEqual(['ResellerRegistered']);
    expect(verifyStreamChain(events)).toEqual({ ok: true });

    // Later, on either process, the same request answers the same again and writes nothing.
    second.clock.advance(60_000);
    const again = await register(second).expect(201);
    expect(again.text).toBe(a.text);
    expect(await store.readStream(resellerStream(resellerId))).toHaveLength(1);
  });
});
