import { createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { LicenseState } from '@channel-ledger/domain';

/**
 * A license file a customer can check without calling the ledger, in the spirit of Keygen's
 * signed license files: an armored, base64 JSON envelope whose `data` is the license and whose
 * `sig` is the vendor's Ed25519 signature of `license/<data>`. docs/license-files.md describes
 * the procedure for verifiers in any language.
 */
export const LICENSE_FILE_BEGIN = '-----BEGIN CHANNEL-LEDGER LICENSE-----';
export const LICENSE_FILE_END = '-----END CHANNEL-LEDGER LICENSE-----';
/** The signed bytes are this prefix plus the `data` string, so a signature cannot be reused for another kind of document. */
export const LICENSE_SIGNING_PREFIX = 'license/';

/** What the file asserts. Only facts recorded by LicenseIssued, so the same history always yields the same file. */
export interface SignedLicense {
  licenseId: string;
  vendorId: string;
  template: string;
  /** Null for a license not linked to a customer (rule 14). */
  organizationId: string | null;
  /** Not-For-Resale (rule 14). */
  nfr: boolean;
  issuedAt: string;
}

export interface LicenseFileEnvelope {
  alg: 'ed25519';
  enc: 'base64';
  /** base64 of the canonical JSON of the SignedLicense. */
  data: string;
  /** base64 of the Ed25519 signature of UTF-8 `license/` + data. */
  sig: string;
}

export type LicenseFileVerification = { valid: true; license: SignedLicense } | { valid: false; reason: string };

/** The license a file states, from the license stream's state; null when nothing was issued. */
export function signedLicenseOf(state: LicenseState): SignedLicense | null {
  if (state.status === 'none') return null;
  return {
    licenseId: state.licenseId,
    vendorId: state.vendorId,
    template: state.licenseTemplateId,
    organizationId: state.organizationId,
    nfr: state.nfr,
    issuedAt: state.issuedAt,
  };
}

/** Ed25519 signatures are deterministic: the same license and key always give the same file. */
export function signLicenseFile(license: SignedLicense, privateKey: KeyObject): string {
  const data = Buffer.from(canonicalJson(license), 'utf8').toString('base64');
  const sig = sign(null, Buffer.from(LICENSE_SIGNING_PREFIX + data, 'utf8'), privateKey).toString('base64');
  const envelope: LicenseFileEnvelope = { alg: 'ed25519', enc: 'base64', data, sig };
  const body = Buffer.from(canonicalJson(envelope), 'utf8').toString('base64');
  return [LICENSE_FILE_BEGIN, ...wrap(body, 64), LICENSE_FILE_END, ''].join('\n');
}

/**
 * Offline check with the vendor's public key (PEM SPKI, as served at
 * /.well-known/vendors/<vendorId>/license-key). Never throws: a malformed file is invalid.
 */
export function verifyLicenseFile(text: string, publicKeyPem: string): LicenseFileVerification {
  const envelope = parseEnvelope(text);
  if (typeof envelope === 'string') return { valid: false, reason: envelope };
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return { valid: false, reason: 'the public key is not a PEM public key' };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { valid: false, reason: 'the public key is not an Ed25519 key' };
  const signed = Buffer.from(LICENSE_SIGNING_PREFIX + envelope.data, 'utf8');
  if (!verify(null, signed, key, Buffer.from(envelope.sig, 'base64'))) {
    return { valid: false, reason: 'the signature does not match: the file was altered or signed with another key' };
  }
  try {
    return { valid: true, license: JSON.parse(Buffer.from(envelope.data, 'base64').toString('utf8')) as SignedLicense };
  } catch {
    return { valid: false, reason: 'the signed data is not JSON' };
  }
}

function parseEnvelope(text: string): LicenseFileEnvelope | string {
  const lines = text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trim());
  if (lines[0] !== LICENSE_FILE_BEGIN || lines[lines.length - 1] !== LICENSE_FILE_END) {
    return 'not a channel-ledger license file (missing BEGIN/END lines)';
  }
  let envelope: Partial<LicenseFileEnvelope>;
  try {
    envelope = JSON.parse(Buffer.from(lines.slice(1, -1).join(''), 'base64').toString('utf8'));
  } catch {
    return 'the file body is not base64 JSON';
  }
  if (envelope.alg !== 'ed25519' || envelope.enc !== 'base64') return 'unsupported algorithm or encoding';
  if (typeof envelope.data !== 'string' || typeof envelope.sig !== 'string') return 'the file has no data or no signature';
  return envelope as LicenseFileEnvelope;
}

/** Sorted keys, no whitespace: the one serialization the signature covers. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}
