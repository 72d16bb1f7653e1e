import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import { ERASED, personalFieldsOf } from '@channel-ledger/domain';
import {
  Actor,
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedRevision,
  JsonObject,
  JsonValue,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  rememberStoredForm,
  SubscribeOptions,
  ForwardingEventStore,
} from '@channel-ledger/event-store';
import { mapSubscription } from '../schemas/subscription-mapping';
import { DataSubjects } from './data-subjects';
import { SubjectKeyStore } from './subject-key-store';

/** How an encrypted value is stored: `pii:v1:<subjectId>:<base64url(iv ‖ ciphertext ‖ tag)>`. */
export const ENCRYPTED_PREFIX = 'pii:v1:';
const EMAIL = /^[^\s@:]+@[^\s@]+\.[^\s@]+$/;

export const isEncrypted = (value: unknown): value is string => typeof value === 'string' && value.startsWith(ENCRYPTED_PREFIX);

/**
 * Crypto-shredding around the EventStore port. On append, every personal field (declared per
 * event type beside its upcasters, plus any string anywhere in the data, the actor or the
 * on-behalf-of that is an e-mail address) is encrypted with AES-256-GCM under the key of the
 * person it belongs to; the store seals the ciphertext into its chain. On read the values are
 * decrypted, or read as "[erased]" when the person's key was deleted (forgotten).
 *
 * The IV is derived from the key, the event id, the field and the value (synthetic IV), so the
 * same event encrypts to the same bytes: a retried append stays recognisably the same append.
 */
export class EncryptingEventStore extends ForwardingEventStore {
  constructor(
    inner: EventStore,
    private readonly keys: SubjectKeyStore,
    private readonly subjects: DataSubjects,
  ) {
    super(inner);
  }

  override async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const keys = new Map<string, Buffer>();
    const keyOf = async (subjectId: string) => {
      let key = keys.get(subjectId);
      if (!key) keys.set(subjectId, (key = await this.keys.keyFor(subjectId)));
      return key;
    };
    const encrypted: NewEvent[] = [];
    for (const event of events) encrypted.push(await this.encryptEvent(event, keyOf));
    return this.inner.append(streamId, encrypted, expected);
  }

  override async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.decryptAll(await this.inner.readStream(streamId, options));
  }

  override async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    const page = await this.inner.readAll(options);
    return { ...page, events: await this.decryptAll(page.events) };
  }

  override subscribeToAll(options?: SubscribeOptions): AllSubscription {
    return mapSubscription(this.inner.subscribeToAll(options), async (e) => (await this.decryptAll([e]))[0]);
  }

  private async encryptEvent(event: NewEvent, keyOf: (subjectId: string) => Promise<Buffer>): Promise<NewEvent> {
    const data = structuredClone(event.data) as JsonObject;
    const seal = async (value: string, subjectEmail: string, field: string): Promise<string> => {
      const subjectId = this.subjects.subjectIdOf(subjectEmail);
      return encryptValue(value, subjectId, await keyOf(subjectId), `${event.eventId}|${field}`);
    };
    // Declared fields first: a name is encrypted under the key of the address beside it.
    const declared = personalFieldsOf(event.type).map((f) => ({ f, subject: getPath(event.data, f.subject) }));
    for (const { f, subject } of declared) {
      const value = getPath(data, f.path);
      if (typeof value !== 'string' || isEncrypted(value) || value === ERASED) continue;
      if (typeof subject !== 'string' || isEncrypted(subject) || subject === ERASED) continue;
      setPath(data, f.path, await seal(value, subject, `data.${f.path}`));
    }
    // Then every other address, wherever it is.
    const sealed = (await mapStrings(data, 'data', async (value, field) =>
      EMAIL.test(value) ? seal(value, value, field) : value,
    )) as JsonObject;
    const actor = async (a: Actor | null, field: string): Promise<Actor | null> =>
      a && EMAIL.test(a.id) ? { ...a, id: await seal(a.id, a.id, field) } : a;
    return {
      ...event,
      data: sealed,
      metadata: {
        ...event.metadata,
        actor: (await actor(event.metadata.actor, 'metadata.actor.id'))!,
        onBehalfOf: await actor(event.metadata.onBehalfOf, 'metadata.onBehalfOf.id'),
      },
    };
  }

  private async decryptAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const keys = new Map<string, Buffer | null>();
    const open = async (value: string): Promise<string> => {
      const subjectId = subjectOfCiphertext(value);
      if (!keys.has(subjectId)) keys.set(subjectId, await this.keys.keyOf(subjectId));
      return decryptValue(value, keys.get(subjectId)!);
    };
    const out: RecordedEvent[] = [];
    for (const event of events) {
      if (!containsEncrypted(event)) {
        out.push(event);
        continue;
      }
      const data = (await mapStrings(event.data, 'data', (v) => (isEncrypted(v) ? open(v) : v))) as JsonObject;
      const actor = async (a: Actor | null): Promise<Actor | null> => (a && isEncrypted(a.id) ? { ...a, id: await open(a.id) } : a);
      const metadata = {
        ...event.metadata,
        actor: (await actor(event.metadata.actor))!,
        onBehalfOf: await actor(event.metadata.onBehalfOf),
      };
      out.push(rememberStoredForm({ ...event, data, metadata }, event));
    }
    return out;
  }
}

export function encryptValue(plaintext: string, subjectId: string, key: Buffer, context: string): string {
  const iv = createHmac('sha256', key).update(`iv|${context}|${plaintext}`, 'utf8').digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${ENCRYPTED_PREFIX}${subjectId}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

export function subjectOfCiphertext(value: string): string {
  return value.slice(ENCRYPTED_PREFIX.length, value.indexOf(':', ENCRYPTED_PREFIX.length));
}

/** The plaintext, or "[erased]" when the key is gone (or is not the key this was sealed with). */
export function decryptValue(value: string, key: Buffer | null): string {
  if (!key) return ERASED;
  const subjectId = subjectOfCiphertext(value);
  const raw = Buffer.from(value.slice(ENCRYPTED_PREFIX.length + subjectId.length + 1), 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(subjectId, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    // A person forgotten and come back has a new key: what was sealed under the old one stays erased.
    return ERASED;
  }
}

function containsEncrypted(event: RecordedEvent): boolean {
  return (
    isEncrypted(event.metadata.actor?.id) ||
    isEncrypted(event.metadata.onBehalfOf?.id) ||
    JSON.stringify(event.data).includes(`"${ENCRYPTED_PREFIX}`)
  );
}

async function mapStrings(value: JsonValue, path: string, map: (s: string, path: string) => string | Promise<string>): Promise<JsonValue> {
  if (typeof value === 'string') return map(value, path);
  if (Array.isArray(value)) return Promise.all(value.map((v, i) => mapStrings(v, `${path}.${i}`, map)));
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = await mapStrings(v, `${path}.${k}`, map);
    return out;
  }
  return value;
}

function getPath(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), data);
}

function setPath(data: JsonObject, path: string, value: string): void {
  const keys = path.split('.');
  const parent = getPath(data, keys.slice(0, -1).join('.')) as JsonObject | undefined;
  if (keys.length === 1) data[keys[0]] = value;
  else if (parent && typeof parent === 'object') parent[keys[keys.length - 1]] = value;
}
