import { KeyObject } from 'node:crypto';
import { Secrets } from '../secrets/secrets';

/** What a verifier needs to check a vendor's license files: the same key as PEM (SPKI) and JWK. */
export interface VendorLicenseKey {
  vendorId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; use: 'sig'; alg: 'EdDSA' };
}

export function vendorLicenseKey(secrets: Secrets, vendorId: string): VendorLicenseKey {
  const { publicKey } = secrets.vendorSigningKey(vendorId);
  return { vendorId, algorithm: 'Ed25519', publicKeyPem: pem(publicKey), jwk: jwk(publicKey, vendorId) };
}

function pem(publicKey: KeyObject): string {
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

function jwk(publicKey: KeyObject, vendorId: string): VendorLicenseKey['jwk'] {
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  return { kty: 'OKP', crv: 'Ed25519', x, kid: `${vendorId}/license`, use: 'sig', alg: 'EdDSA' };
}
