import request from 'supertest';
import { readMailbox, waitForMail } from '../../test/mailbox';
import { startTestApp, TEST_STAFF, TestApp } from '../../test/test-app';

/** Mail over HTTP: requests append events; the mail reactor, following the log, writes the mailbox. */
describe('mail from the event log (test app, .eml mailbox)', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  it('a registration is mailed its verification token, which verifies the address', async () => {
    const { body } = await request(t.http)
      .post('/resellers')
      .send({ companyName: 'Mailed Resale', email: 'sales@mailed.example', partnerKind: 'reseller' })
      .expect(201);
    const mail = await waitForMail(t.mailboxDir, 'sales@mailed.example', 'Verify your reseller e-mail address');
    expect(mail.text).toContain(`POST /resellers/${body.resellerId}/email-verification`);
    const token = /"token":"([A-Za-z0-9_-]+)"/.exec(mail.text)![1];
    await request(t.http).post(`/resellers/${body.resellerId}/email-verification`).send({ token }).expect(200);
  });

  it('a sign-in link is mailed; the credential in it starts a session, and an operator sees the outbox drained', async () => {
    await request(t.http).post('/auth/sign-in-links').send({ email: TEST_STAFF.operator }).expect(202);
    const mail = await waitForMail(t.mailboxDir, TEST_STAFF.operator, 'Your channel-ledger sign-in link');
    const credential = /"token":"([^"]+)"/.exec(mail.text)![1];
    expect(mail.text).toContain(`${t.config.publicUrl}/sign-in#${credential}`);
    const session = await request(t.http).post('/auth/sessions').send({ token: credential }).expect(201);

    const outbox = await request(t.http).get('/mail/outbox').set('Authorization', `Bearer ${session.body.accessToken}`).expect(200);
    expect(outbox.body).toEqual({ pending: 0, sent: 1 });
    expect(await readMailbox(t.mailboxDir)).toHaveLength(1);
  });

  it('waitForMail says what the mailbox holds when the expected mail does not come', async () => {
    await expect(waitForMail(t.mailboxDir, 'nobody@nowhere.example', undefined, 200)).rejects.toThrow(
      /No mail to nobody@nowhere\.example arrived in .* within 200 ms; the mailbox is empty/,
    );
  });
});
