import { ANY, NO_STREAM, RecordedEvent as EsdbRecordedEvent, STREAM_EXISTS } from '@eventstore/db-client';
import { sealEvents, verifyStreamChain } from '../chain';
import { oneEvent } from '../testing/contract-helpers';
import {
  commitPositionOf,
  fromEsdbCurrentRevision,
  fromEsdbExpectedRevision,
  fromEsdbRecordedEvent,
  isSystemEvent,
  MalformedStoredEventError,
  toEsdbEventData,
  toEsdbExpectedRevision,
} from './esdb-mapping';

/** What the client hands back for an event we wrote: the JSON round trip of our EventData. */
function asStoredByEsdb(streamId: string, commit: bigint): EsdbRecordedEvent {
  const [sealed] = sealEvents(streamId, null, oneEvent('SeatsPurchased', { seats: 4, price: '12.50' }), '2024-03-01T00:00:00.000Z');
  const data = toEsdbEventData(sealed);
  return {
    streamId,
    id: data.id,
    isJson: true,
    revision: sealed.revision,
    type: data.type,
    created: new Date(),
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit, prepare: commit },
  } as EsdbRecordedEvent;
}

describe('EventStoreDB mapping (no server needed)', () => {
  it('maps expected revisions both ways', () => {
    expect(toEsdbExpectedRevision('no-stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision(7n)).toBe(7n);
    expect(fromEsdbExpectedRevision(NO_STREAM)).toBe('no-stream');
    expect(fromEsdbExpectedRevision(ANY)).toBe('any');
    expect(fromEsdbExpectedRevision(7n)).toBe(7n);
    expect(() => fromEsdbExpectedRevision(STREAM_EXISTS)).toThrow(/no port equivalent/);
    expect(fromEsdbCurrentRevision(NO_STREAM)).toBeNull();
    expect(fromEsdbCurrentRevision(3n)).toBe(3n);
  });

  it('writes our event id as the ESDB id and our full metadata as ESDB metadata', () => {
    const [sealed] = sealEvents('license-1', null, oneEvent(), '2024-03-01T00:00:00.000Z');
    const data = toEsdbEventData(sealed);
    expect(data).toMatchObject({ id: sealed.eventId, type: sealed.type, contentType: 'application/json', data: sealed.data });
    expect(data.metadata).toEqual(sealed.metadata);
  });

  it('reads a stored event back into one whose chain verifies, with an exact bigint position', () => {
    const position = 2n ** 53n + 1n;
    const event = fromEsdbRecordedEvent(asStoredByEsdb('license-1', position), position);
    expect(event.position).toBe(position);
    expect(verifyStreamChain([event])).toEqual({ ok: true });
  });

  it('refuses events it cannot read, and a missing position', () => {
    const stored = asStoredByEsdb('license-1', 10n);
    expect(() => fromEsdbRecordedEvent({ ...stored, metadata: { foreign: true } } as EsdbRecordedEvent, 10n)).toThrow(
      MalformedStoredEventError,
    );
    expect(() => commitPositionOf({ ...stored, position: undefined } as EsdbRecordedEvent)).toThrow(/22\.6/);
    expect(() => commitPositionOf({ ...stored, position: { commit: 2n ** 64n - 1n, prepare: 0n } } as EsdbRecordedEvent)).toThrow(
      MalformedStoredEventError,
    );
    expect(commitPositionOf(stored)).toBe(10n);
  });

  it('recognizes system events by type or stream', () => {
    expect(isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: 'x' })).toBe(true);
    expect(isSystemEvent({ streamId: 'license-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: 'license-1', type: 'LicenseIssued' })).toBe(false);
  });
});
