import request from 'supertest';
import { readMailbox } from './mailbox';
import { TestApp } from './test-app';

export interface TestSession {
  accessToken: string;
  refreshToken: string;
  /** supertest: `.set(session.auth)`. */
  auth: { Authorization: string };
  principal: { email: string; role: string; tenantId: string | null };
}

/** The credential in a sign-in mail: `"token":"<linkId>.<token>"`. */
export function signInTokenIn(text: string): string {
  const token = /"token":"([0-9a-f-]{36}\.[A-Za-z0-9_-]+)"/.exec(text)?.[1];
  if (!token) throw new Error(`no sign-in token in mail:\n${text}`);
  return token;
}

/** Waits for a mail to `to` that was not in the mailbox before (`seen`: file names). */
export async function waitForNewMail(t: TestApp, to: string, seen: ReadonlySet<string>, subjectIncludes: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = (await readMailbox(t.mailboxDir)).filter(
      (m) => !seen.has(m.file) && m.to.toLowerCase() === to.toLowerCase() && m.subject.includes(subjectIncludes),
    );
    if (fresh.length > 0) return fresh[0];
    if (Date.now() > deadline) throw new Error(`no new mail "${subjectIncludes}" to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function mailboxFiles(t: TestApp): Promise<Set<string>> {
  return new Set((await readMailbox(t.mailboxDir)).map((m) => m.file));
}

/** Asks for a link, reads it from the mailbox as the person would, and redeems it. */
export async function requestSignInToken(t: TestApp, email: string): Promise<string> {
  const seen = await mailboxFiles(t);
  await request(t.http).post('/auth/sign-in-links').send({ email }).expect(202);
  return signInTokenIn((await waitForNewMail(t, email, seen, 'sign-in link')).text);
}

export async function signIn(t: TestApp, email: string, choice: { role?: string; tenantId?: string } = {}): Promise<TestSession> {
  const token = await requestSignInToken(t, email);
  const response = await request(t.http)
    .post('/auth/sessions')
    .send({ token, ...choice });
  if (response.status !== 201) throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const { accessToken, refreshToken, principal } = response.body;
  return { accessToken, refreshToken, principal, auth: { Authorization: `Bearer ${accessToken}` } };
}
