import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from '../canonical-json';

export const CHECKPOINT_FORMAT = 'channel-ledger-checkpoint/1';

/**
 * What a checkpoint asserts about the log at the moment it was sealed. Numbers that can outgrow
 * 2^53 are decimal strings (the body is hashed as canonical JSON, which has no bigint).
 */
export interface CheckpointBody {
  format: typeof CHECKPOINT_FORMAT;
  /** 1 for the first checkpoint, then +1: a missing checkpoint is a gap. */
  sequence: number;
  sealedAt: string;
  /** Position of the last event sealed; null for an empty log. */
  headPosition: string | null;
  /** Events in the log up to headPosition. */
  eventCount: string;
  streamCount: number;
  /** Merkle root over every stream's head (merkle.ts). */
  streamsRoot: string;
  /** Digest of the checkpoint before this one: checkpoints form a chain of their own. */
  previousDigest: string | null;
  /** Which key signed it (keyIdOf). */
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** SHA-256 (hex) of the canonical body: the short string an auditor writes down. */
  digest: string;
  /** Ed25519 signature over the digest's bytes, base64url. */
  signature: string;
}

export interface CheckpointSigner {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function checkpointDigest(body: CheckpointBody): string {
  const { format, sequence, sealedAt, headPosition, eventCount, streamCount, streamsRoot, previousDigest, keyId } = body;
  const canonical = canonicalJson({
    format,
    sequence,
    sealedAt,
    headPosition,
    eventCount,
    streamCount,
    streamsRoot,
    previousDigest,
    keyId,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function signCheckpoint(body: CheckpointBody, signer: CheckpointSigner): SignedCheckpoint {
  const digest = checkpointDigest(body);
  return { ...body, digest, signature: sign(null, Buffer.from(digest, 'hex'), signer.privateKey).toString('base64url') };
}

/** A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its SPKI form. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** The public key as auditors carry it: base64 of its SPKI DER form. */
export function exportPublicKey(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

export function importPublicKey(spkiBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiBase64.trim(), 'base64'), format: 'der', type: 'spki' });
}

/**
 * What is wrong with a checkpoint, empty when nothing is: its digest matches its body and its
 * signature verifies under `publicKey` (which must be the key it names).
 */
export function checkpointProblems(checkpoint: SignedCheckpoint, publicKey: KeyObject): string[] {
  const problems: string[] = [];
  if (checkpoint.format !== CHECKPOINT_FORMAT) problems.push(`unknown checkpoint format ${String(checkpoint.format)}`);
  const digest = checkpointDigest(checkpoint);
  if (digest !== checkpoint.digest)
    problems.push(`checkpoint #${checkpoint.sequence}: its digest does not match its content (it was edited)`);
  if (checkpoint.keyId !== keyIdOf(publicKey)) {
    problems.push(`checkpoint #${checkpoint.sequence} was signed with key ${checkpoint.keyId}, not the trusted key ${keyIdOf(publicKey)}`);
  } else if (!verify(null, Buffer.from(checkpoint.digest, 'hex'), publicKey, Buffer.from(checkpoint.signature, 'base64url'))) {
    problems.push(`checkpoint #${checkpoint.sequence}: the signature does not verify`);
  }
  return problems;
}

/** The checkpoint's body and signature only (stores and exports may carry other fields beside them). */
export function checkpointOnly(value: SignedCheckpoint): SignedCheckpoint {
  const { format, sequence, sealedAt, headPosition, eventCount, streamCount, streamsRoot, previousDigest, keyId, digest, signature } =
    value;
  return { format, sequence, sealedAt, headPosition, eventCount, streamCount, streamsRoot, previousDigest, keyId, digest, signature };
}
