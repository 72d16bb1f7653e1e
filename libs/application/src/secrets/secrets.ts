import { createHash, createHmac, createPrivateKey, createPublicKey, KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppConfig } from '../config/app-config';

/**
 * Every secret the ledger uses is derived from one master secret, so mailed tokens can be
 * recomputed by the mail reactor from the event that asked for them (only hashes are logged),
 * and a vendor's license signing key is the same in every process.
 */
export class Secrets {
  constructor(private readonly master: string) {}

  /** A 32-byte key for one purpose ("jwt", "sign-in-link|<id>", …), base64url. */
  derive(purpose: string): string {
    return createHmac('sha256', this.master).update(purpose, 'utf8').digest('base64url');
  }

  /** The vendor's Ed25519 key pair for signing license files (a 32-byte seed derived per vendor). */
  vendorSigningKey(vendorId: string): { privateKey: KeyObject; publicKey: KeyObject } {
    return this.ed25519(`license-signing|${vendorId}`);
  }

  /**
   * The ledger's Ed25519 key pair for signing checkpoints of the log's head. Whoever can edit the
   * event file but not read this secret cannot re-sign a checkpoint over a rewritten history.
   */
  checkpointSigningKey(): { privateKey: KeyObject; publicKey: KeyObject } {
    return this.ed25519('checkpoint-signing');
  }

  private ed25519(purpose: string): { privateKey: KeyObject; publicKey: KeyObject } {
    const seed = createHmac('sha256', this.master).update(purpose, 'utf8').digest();
    // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): fixed 16-byte prefix + 32-byte seed.
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }
}

/** What the log records of a mailed token: never the token itself. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The configured secret, or in development one generated once and kept beside the embedded
 * store (`secret.key`, readable by the owner only), so tokens survive a restart.
 */
export function resolveSecrets(config: Pick<AppConfig, 'secret' | 'eventStore'>): Secrets {
  if (config.secret) return new Secrets(config.secret);
  if (config.eventStore.kind !== 'sqlite' || config.eventStore.path === ':memory:') {
    return new Secrets(randomBytes(32).toString('base64url'));
  }
  const file = join(dirname(config.eventStore.path), 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return new Secrets(readFileSync(file, 'utf8').trim());
}
