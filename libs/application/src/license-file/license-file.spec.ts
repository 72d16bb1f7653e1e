import { createPublicKey, verify } from 'node:crypto';
import { Secrets } from '../secrets/secrets';
import { LICENSE_FILE_BEGIN, LICENSE_FILE_END, signedLicenseOf, signLicenseFile, SignedLicense, verifyLicenseFile } from './license-file';
import { vendorLicenseKey } from './vendor-key';

const secrets = new Secrets('test-master-secret');
const license: SignedLicense = {
  licenseId: 'lic-1',
  vendorId: 'vendor-1',
  template: 'tpl-pro',
  organizationId: 'org-1',
  nfr: false,
  issuedAt: '2026-03-10T00:00:00.000Z',
};
const sign = (l: SignedLicense = license) => signLicenseFile(l, secrets.vendorSigningKey(l.vendorId).privateKey);
const key = vendorLicenseKey(secrets, 'vendor-1');

describe('license files', () => {
  it('is an armored file whose signature verifies with the vendor public key', () => {
    const file = sign();
    expect(file.startsWith(`${LICENSE_FILE_BEGIN}\n`)).toBe(true);
    expect(file.trimEnd().endsWith(LICENSE_FILE_END)).toBe(true);
    expect(verifyLicenseFile(file, key.publicKeyPem)).toEqual({ valid: true, license });
  });

  it('is the same file every time (Ed25519 is deterministic), so it can be downloaded again', () => {
    expect(sign()).toBe(sign({ ...license }));
  });

  it('can be checked with nothing but node:crypto, following docs/license-files.md', () => {
    const body = sign().trim().split('\n').slice(1, -1).join('');
    const envelope = JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
    expect(envelope).toMatchObject({ alg: 'ed25519', enc: 'base64' });
    const publicKey = createPublicKey({ key: key.jwk, format: 'jwk' });
    expect(verify(null, Buffer.from(`license/${envelope.data}`), publicKey, Buffer.from(envelope.sig, 'base64'))).toBe(true);
    expect(JSON.parse(Buffer.from(envelope.data, 'base64').toString('utf8'))).toEqual(license);
  });

  it('refuses an altered license', () => {
    const file = sign();
    const body = file.trim().split('\n').slice(1, -1).join('');
    const envelope = JSON.parse(Buffer.from(body, 'base64').toString('utf8'));
    envelope.data = Buffer.from(JSON.stringify({ ...license, nfr: false, template: 'tpl-enterprise' })).toString('base64');
    const forged = [LICENSE_FILE_BEGIN, Buffer.from(JSON.stringify(envelope)).toString('base64'), LICENSE_FILE_END].join('\n');
    expect(verifyLicenseFile(forged, key.publicKeyPem)).toMatchObject({ valid: false, reason: expect.stringMatching(/signature/) });
  });

  it("refuses another vendor's key, and anything that is not a license file", () => {
    expect(verifyLicenseFile(sign(), vendorLicenseKey(secrets, 'vendor-2').publicKeyPem)).toMatchObject({ valid: false });
    expect(verifyLicenseFile('hello', key.publicKeyPem)).toMatchObject({ valid: false });
    expect(verifyLicenseFile(`${LICENSE_FILE_BEGIN}\n!!!\n${LICENSE_FILE_END}`, key.publicKeyPem)).toMatchObject({ valid: false });
    expect(verifyLicenseFile(sign(), 'not a key')).toMatchObject({ valid: false });
  });

  it('states only what the license stream recorded', () => {
    expect(signedLicenseOf({ status: 'none' })).toBeNull();
    expect(
      signedLicenseOf({
        status: 'issued',
        licenseId: 'lic-1',
        rightId: 'r',
        vendorId: 'vendor-1',
        licenseTemplateId: 'tpl-pro',
        resellerId: 'acme',
        organizationId: null,
        nfr: true,
        issuedAt: license.issuedAt,
        deliveredTo: [],
      }),
    ).toEqual({ ...license, organizationId: null, nfr: true });
  });
});
