import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import everWritten from './event-types-ever-written.json';
import { currentSchemaVersion, EventSchemaError, eventSchemas, readableEventTypes, upcast } from './registry';

function declaredEventTypes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declaredEventTypes(path);
    if (!path.endsWith('.ts') || path.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/DomainEvent<\s*'([A-Za-z]+)'/g)].map((m) => m[1]);
  });
}

describe('event schemas', () => {
  it('can still read every event type ever written (renaming or removing one needs a retired type that upcasts it)', () => {
    const readable = new Set(readableEventTypes());
    expect(everWritten.types.filter((t) => !readable.has(t))).toEqual([]);
  });

  it('registers every event type the domain declares, and the committed list names them all', () => {
    const declared = [...new Set(declaredEventTypes(join(__dirname, '..')))].sort();
    const registered = new Set(eventSchemas.map((s) => s.type));
    expect(declared.filter((t) => !registered.has(t))).toEqual([]);
    // A new type is added to event-types-ever-written.json when it is introduced, and never taken out.
    expect(declared.filter((t) => !everWritten.types.includes(t))).toEqual([]);
  });

  it('has an upcaster for every version below the current one', () => {
    const gaps = eventSchemas.flatMap((s) =>
      Array.from({ length: s.version - 1 }, (_, i) => i + 1)
        .filter((v) => !s.upcasters?.[v])
        .map((v) => `${s.type} v${v}`),
    );
    expect(gaps).toEqual([]);
  });

  it('upcasts the first shape of a reseller registration, under its first name, to today’s shape', () => {
    const stored = { type: 'ResellerSignedUp', version: 1, data: { resellerId: 'r-1', company: 'Acme', email: 'a@acme.example' } };
    const copy = JSON.parse(JSON.stringify(stored));
    expect(upcast(stored)).toEqual({
      type: 'ResellerRegistered',
      version: currentSchemaVersion('ResellerRegistered'),
      data: { resellerId: 'r-1', companyName: 'Acme', email: 'a@acme.example', partnerKind: 'reseller' },
    });
    expect(stored).toEqual(copy);
  });

  it('passes events already in today’s shape through the upcasters unchanged', () => {
    const data = { resellerId: 'r-1', companyName: 'Acme', email: 'a@acme.example', partnerKind: 'marketplace' };
    expect(upcast({ type: 'ResellerRegistered', version: 1, data }).data).toEqual(data);
  });

  it('refuses an event written by newer code', () => {
    expect(() => upcast({ type: 'ResellerRegistered', version: 99, data: {} })).toThrow(EventSchemaError);
  });
});
