import { canonicalJson, CanonicalJsonError } from './canonical-json';
import { sealEvents, verifyStreamChain } from './chain';
import { eventIdFor } from './event-id';
import type { RecordedEvent } from './port';
import { commandEvents } from './testing/contract-helpers';

describe('canonical JSON', () => {
  it('sorts keys at every depth and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}');
  });

  it('is independent of key insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('writes numbers in their shortest round-trip form and -0 as 0', () => {
    expect(canonicalJson([0.1, 1e21, -0, 1.5e-7])).toBe('[0.1,1e+21,0,1.5e-7]');
  });

  it.each([
    ['undefined', { a: { b: undefined } }, '$.a.b'],
    ['NaN', { a: [1, NaN] }, '$.a[1]'],
    ['Infinity', { a: Infinity }, '$.a'],
    ['bigint', { a: 1n }, '$.a'],
    ['Date', { a: new Date(0) }, '$.a'],
    ['Map', { a: new Map() }, '$.a'],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the case under test
    ['sparse array', { a: [1, , 3] }, '$.a[1]'],
  ])('refuses %s, naming the path', (_kind, value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    try {
      canonicalJson(value);
    } catch (error) {
      expect((error as CanonicalJsonError).path).toBe(path);
    }
  });

  it('refuses circular structures', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
  });
});

describe('eventIdFor', () => {
  it('is a deterministic version-5 UUID per command and index', () => {
    const id = eventIdFor('command-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdFor('command-1', 0)).toBe(id);
    expect(eventIdFor('command-1', 1)).not.toBe(id);
    expect(eventIdFor('command-2', 0)).not.toBe(id);
  });

  it('refuses an empty command id or a bad index', () => {
    expect(() => eventIdFor('', 0)).toThrow(TypeError);
    expect(() => eventIdFor('c', -1)).toThrow(TypeError);
    expect(() => eventIdFor('c', 1.5)).toThrow(TypeError);
  });
});

describe('hash chain', () => {
  const recordedAt = '2024-03-01T00:00:00.000Z';
  const asRecorded = (events: ReturnType<typeof sealEvents>): RecordedEvent[] => events.map((e, i) => ({ ...e, position: BigInt(i + 1) }));
  const stream = () =>
    asRecorded(
      sealEvents(
        'organization-1',
        null,
        commandEvents({ type: 'A', data: { n: 1 } }, { type: 'B', data: { n: 2 } }, { type: 'C', data: { n: 3 } }),
        recordedAt,
      ),
    );

  it('links each event to the previous one and continues from a given link', () => {
    const events = stream();
    expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(events[0].metadata.previousHash).toBeNull();
    expect(events[2].metadata.previousHash).toBe(events[1].metadata.hash);
    const [next] = sealEvents(
      'organization-1',
      { revision: 2n, hash: events[2].metadata.hash },
      commandEvents({ type: 'D', data: {} }),
      recordedAt,
    );
    expect(next.revision).toBe(3n);
    expect(verifyStreamChain([...events, { ...next, position: 4n }])).toEqual({ ok: true });
  });

  it('is the same hash for the same content, whatever the key order', () => {
    const [event] = commandEvents({ type: 'A', data: { a: 1, b: 2 } });
    const reordered = { ...event, data: { b: 2, a: 1 } };
    expect(sealEvents('s-1', null, [event], recordedAt)[0].metadata.hash).toBe(
      sealEvents('s-1', null, [reordered], recordedAt)[0].metadata.hash,
    );
  });

  it('ignores any hash, previousHash or recordedAt the writer tried to supply', () => {
    const [event] = commandEvents({ type: 'A', data: {} });
    const sneaky = { ...event, metadata: { ...event.metadata, hash: 'x', previousHash: 'y', recordedAt: '1999-01-01T00:00:00.000Z' } };
    const [sealed] = sealEvents('s-1', null, [sneaky], recordedAt);
    expect(sealed.metadata).toMatchObject({ previousHash: null, recordedAt });
    expect(sealed.metadata.hash).toBe(sealEvents('s-1', null, [event], recordedAt)[0].metadata.hash);
  });

  it.each<[string, (events: RecordedEvent[]) => RecordedEvent[], bigint, RegExp]>([
    ['altered data', (e) => [e[0], { ...e[1], data: { n: 99 } }, e[2]], 1n, /altered/],
    ['altered type', (e) => [e[0], e[1], { ...e[2], type: 'Z' }], 2n, /altered/],
    [
      'altered metadata',
      (e) => [{ ...e[0], metadata: { ...e[0].metadata, occurredAt: '2020-01-01T00:00:00.000Z' } }, e[1], e[2]],
      0n,
      /altered/,
    ],
    ['a removed event', (e) => [e[0], e[2]], 2n, /gap/],
    ['swapped events', (e) => [e[0], { ...e[2], revision: 1n }, { ...e[1], revision: 2n }], 1n, /previousHash/],
    ['another stream', (e) => [e[0], { ...e[1], streamId: 'organization-2' }, e[2]], 1n, /stream/],
  ])('reports %s at its revision', (_case, tamper, revision, reason) => {
    const result = verifyStreamChain(tamper(stream()));
    expect(result).toMatchObject({ ok: false, revision });
    expect(result.ok === false && result.reason).toMatch(reason);
  });
});
