import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;
const COST = { N: 16384, r: 8, p: 1 };
const PRESENTED = /^clk_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;

/** What the client is shown once: `clk_<keyId>_<secret>`. The key id lets the server find the hash. */
export function newApiKeySecret(keyId: string): { apiKey: string; secret: string } {
  const secret = randomBytes(32).toString('base64url');
  return { apiKey: `clk_${keyId}_${secret}`, secret };
}

export function parseApiKey(presented: string): { keyId: string; secret: string } | null {
  const match = PRESENTED.exec(presented);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

/** scrypt, so a leaked log or store does not give usable keys. */
export async function hashApiKeySecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, 32, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function apiKeySecretMatches(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt') return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}
