import { currentSchemaVersion, upcast } from '@channel-ledger/domain';
import {
  AllSubscription,
  AppendResult,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  rememberStoredForm,
  SubscribeOptions,
  ForwardingEventStore,
} from '@channel-ledger/event-store';
import { mapSubscription } from './subscription-mapping';

/**
 * The EventStore port as the current code sees it: every event read is upcast to its type's
 * current schema (libs/domain/src/schemas), and every event appended is labelled with its type's
 * current schema version. The stored bytes never change: an upcast event remembers its stored
 * form (`storedFormOf`), which is what chains are verified against.
 */
export class UpcastingEventStore extends ForwardingEventStore {
  override append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(
      streamId,
      events.map((e) => ({ ...e, metadata: { ...e.metadata, schemaVersion: currentSchemaVersion(e.type) } })),
      expected,
    );
  }

  override async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map(upcastRecorded);
  }

  override async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    const page = await this.inner.readAll(options);
    return { ...page, events: page.events.map(upcastRecorded) };
  }

  override subscribeToAll(options?: SubscribeOptions): AllSubscription {
    return mapSubscription(this.inner.subscribeToAll(options), upcastRecorded);
  }
}

/** One recorded event in its current shape (the same object when nothing had to change). */
export function upcastRecorded(event: RecordedEvent): RecordedEvent {
  const up = upcast({ type: event.type, version: event.metadata.schemaVersion, data: event.data });
  if (up.type === event.type && up.version === event.metadata.schemaVersion && up.data === event.data) return event;
  return rememberStoredForm(
    { ...event, type: up.type, data: up.data as JsonObject, metadata: { ...event.metadata, schemaVersion: up.version } },
    event,
  );
}
