import { accessEventSchemas } from '../access/schemas';
import { catalogEventSchemas } from '../catalog/schemas';
import { issuanceRightEventSchemas } from '../issuance-right/schemas';
import { licenseEventSchemas } from '../license/schemas';
import { organizationEventSchemas } from '../organization/schemas';
import { privacyEventSchemas } from '../privacy';
import { resellerEventSchemas, retiredResellerEventTypes } from '../reseller/schemas';
import { EventDataShape, EventSchema, PersonalField, RetiredEventType } from '../shared/event-schema';
import { signInLinkEventSchemas } from '../sign-in-link/schemas';
import { subscriptionEventSchemas } from '../subscription/schemas';

/** Every event type the ledger writes today, with its current schema version. */
export const eventSchemas: readonly EventSchema[] = [
  ...catalogEventSchemas,
  ...resellerEventSchemas,
  ...organizationEventSchemas,
  ...subscriptionEventSchemas,
  ...issuanceRightEventSchemas,
  ...licenseEventSchemas,
  ...signInLinkEventSchemas,
  ...accessEventSchemas,
  ...privacyEventSchemas,
];

/** Types no longer written; stored events of them are read as a current type. */
export const retiredEventTypes: readonly RetiredEventType[] = [...retiredResellerEventTypes];

const byType = new Map(eventSchemas.map((s) => [s.type, s]));
const retiredByType = new Map(retiredEventTypes.map((r) => [r.type, r]));

export class EventSchemaError extends Error {
  override readonly name = 'EventSchemaError';
}

export function schemaOf(type: string): EventSchema | undefined {
  return byType.get(type);
}

/** The version new events of `type` are written with (1 for a type the registry does not know: tests' own events). */
export function currentSchemaVersion(type: string): number {
  return byType.get(type)?.version ?? 1;
}

export function personalFieldsOf(type: string): readonly PersonalField[] {
  return byType.get(type)?.personal ?? [];
}

/** Every type a stored event may have: current and retired. */
export function readableEventTypes(): string[] {
  return [...byType.keys(), ...retiredByType.keys()];
}

export interface UpcastEvent {
  type: string;
  version: number;
  data: EventDataShape;
}

/**
 * A stored event as the current code knows it: a retired type becomes its successor, then each
 * upcaster n → n+1 runs until the current version. The input is not modified. An event of a type
 * the registry does not know is returned as it is; one written by newer code, or with a gap in
 * its upcasters, is refused (reading it as something else would be a lie).
 */
export function upcast(event: UpcastEvent): UpcastEvent {
  let { type, version, data } = event;
  for (let hops = 0; retiredByType.has(type); hops++) {
    if (hops > 16) throw new EventSchemaError(`event type ${event.type}: retired types form a cycle`);
    ({ type, version, data } = retiredByType.get(type)!.becomes(data, version));
  }
  const schema = byType.get(type);
  if (!schema) return { type, version, data };
  if (version > schema.version) {
    throw new EventSchemaError(`${type} v${version} was written by newer code (this code knows up to v${schema.version})`);
  }
  while (version < schema.version) {
    const upcaster = schema.upcasters?.[version];
    if (!upcaster) throw new EventSchemaError(`${type}: no upcaster from v${version} to v${version + 1}`);
    data = upcaster(data);
    version++;
  }
  return { type, version, data };
}
