/**
 * Event schemas: what shape each event type's data has today (its `schemaVersion`), how an older
 * shape becomes the next one (upcasters, pure functions n → n+1, applied on read), and which of
 * its fields identify a person (encrypted per data subject before they reach the store).
 *
 * Each aggregate declares its event types beside their definitions (`<aggregate>/schemas.ts`);
 * `schemas/registry.ts` gathers them. Stored events never change: upcasting happens on every read.
 */

/** Event data as stored: JSON. */
export type EventDataShape = { readonly [key: string]: unknown };

/** Turns the data of version n into the data of version n+1 (pure: no clock, no I/O). */
export type Upcaster = (data: EventDataShape) => EventDataShape;

/**
 * A personal field: `path` (dot-separated, into the data) holds personal data of the person whose
 * e-mail address is at `subject` (the same path for an address itself; a sibling for a name).
 * A path whose value is missing, null or not a string is skipped.
 */
export interface PersonalField {
  readonly path: string;
  readonly subject: string;
}

export interface EventSchema {
  readonly type: string;
  /** The version new events of this type are written with. */
  readonly version: number;
  /** `upcasters[n]` turns version n into n+1; one for every n from the oldest ever written. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
  /** Fields of the current shape that identify a person. */
  readonly personal?: readonly PersonalField[];
}

/**
 * An event type no longer written (renamed or folded into another): every stored event of it is
 * turned into an event of a current type on read.
 */
export interface RetiredEventType {
  readonly type: string;
  /** Into which type and version (then upcast as usual from there). */
  readonly becomes: (data: EventDataShape, version: number) => { type: string; version: number; data: EventDataShape };
}

/** Declares one event type (version 1, no upcasters, no personal fields unless said). */
export function eventSchema(type: string, options: Omit<EventSchema, 'type' | 'version'> & { version?: number } = {}): EventSchema {
  return { type, version: options.version ?? 1, upcasters: options.upcasters, personal: options.personal };
}

/** `personalEmail('toEmail')`: an address that is its own subject. */
export const personalEmail = (path: string): PersonalField => ({ path, subject: path });

/** A contact `{ name, email }` at `prefix`: both fields belong to the person at `<prefix>.email`. */
export const personalContact = (prefix: string): PersonalField[] => [
  { path: `${prefix}.email`, subject: `${prefix}.email` },
  { path: `${prefix}.name`, subject: `${prefix}.email` },
];

/** What erased personal data reads as, everywhere (deciders, projections, exports, the CLI). */
export const ERASED = '[erased]';
