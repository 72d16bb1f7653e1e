import request from 'supertest';
import { mailboxFiles, signIn, TestSession, waitForNewMail } from './sign-in';
import { TEST_STAFF, TestApp } from './test-app';

/** Registers a reseller, verifies its address with the token mailed to it, and signs it in. */
export async function registerVerifiedReseller(
  t: TestApp,
  input: { companyName: string; email: string; partnerKind?: 'reseller' | 'marketplace' },
): Promise<{ resellerId: string; session: TestSession }> {
  const seen = await mailboxFiles(t);
  const registered = await request(t.http)
    .post('/resellers')
    .send({ partnerKind: 'reseller', ...input })
    .expect(201);
  const resellerId: string = registered.body.resellerId;
  const mail = await waitForNewMail(t, input.email, seen, 'Verify');
  const token = /"token":"([A-Za-z0-9_-]+)"/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no verification token in:\n${mail.text}`);
  await request(t.http).post(`/resellers/${resellerId}/email-verification`).send({ token }).expect(200);
  return { resellerId, session: await signIn(t, input.email, { role: 'reseller', tenantId: resellerId }) };
}

export function signInStaff(t: TestApp, role: 'support' | 'auditor' | 'operator'): Promise<TestSession> {
  return signIn(t, TEST_STAFF[role], { role });
}

export function signInVendorAdmin(t: TestApp, vendorId: string): Promise<TestSession> {
  const email = TEST_STAFF.vendorAdmins[vendorId];
  if (!email) throw new Error(`no test vendor admin for ${vendorId}`);
  return signIn(t, email, { role: 'vendor-admin', tenantId: vendorId });
}

/** A customer contact, invitee or owner, signed in with its own address. */
export function signInCustomer(t: TestApp, email: string): Promise<TestSession> {
  return signIn(t, email, { role: 'customer' });
}
