import { Actor } from '../shared/types';
import { specFor } from '../testing/given';
import { IssueSignInLink, UseSignInLink } from './commands';
import { signInLinkDecider, signInLinkStream } from './decider';
import { SignInLinkEvent } from './events';

const given = specFor(signInLinkDecider);
const anonymous: Actor = { kind: 'anonymous', id: 'anonymous' };

const issueLink = (over: Partial<IssueSignInLink> = {}): IssueSignInLink => ({
  type: 'IssueSignInLink',
  linkId: 'link-1',
  email: 'Bill@Initech.example',
  tokenHash: 'hash-1',
  now: '2026-03-02T09:00:00.000Z',
  actor: anonymous,
  ...over,
});
const useLink = (over: Partial<UseSignInLink> = {}): UseSignInLink => ({
  type: 'UseSignInLink',
  linkId: 'link-1',
  tokenHash: 'hash-1',
  now: '2026-03-02T10:00:00.000Z',
  actor: anonymous,
  ...over,
});
const issued: SignInLinkEvent = {
  type: 'SignInLinkIssued',
  data: {
    linkId: 'link-1',
    email: 'bill@initech.example',
    tokenHash: 'hash-1',
    issuedAt: '2026-03-02T09:00:00.000Z',
    expiresAt: '2026-03-03T09:00:00.000Z',
  },
};
const used: SignInLinkEvent = {
  type: 'SignInLinkUsed',
  data: { linkId: 'link-1', email: 'bill@initech.example', usedAt: '2026-03-02T10:00:00.000Z' },
};

describe('sign-in link', () => {
  it('names its stream sign-in-link-<id>', () => {
    expect(signInLinkStream('link-1')).toBe('sign-in-link-link-1');
  });

  describe('IssueSignInLink', () => {
    it('rule 16: issues a link valid for 24 hours', () => {
      given([]).when(issueLink()).then([issued]);
    });

    it('refuses reusing a link id', () => {
      given([issued]).when(issueLink()).thenRefuses('sign-in-link-already-issued');
    });
  });

  describe('UseSignInLink', () => {
    it('signs in once with the right token', () => {
      given([issued]).when(useLink()).then([used]);
    });

    it('rule 16: works only once', () => {
      given([issued, used])
        .when(useLink({ now: '2026-03-02T11:00:00.000Z' }))
        .thenRefuses('sign-in-link-already-used');
    });

    it('rule 16: expires 24 hours after issue', () => {
      given([issued])
        .when(useLink({ now: '2026-03-03T09:00:00.000Z' }))
        .thenRefuses('sign-in-link-expired', /24 hours/);
    });

    it('still works one millisecond before the 24 hours are up', () => {
      given([issued])
        .when(useLink({ now: '2026-03-03T08:59:59.999Z' }))
        .then([{ type: 'SignInLinkUsed', data: { linkId: 'link-1', email: 'bill@initech.example', usedAt: '2026-03-03T08:59:59.999Z' } }]);
    });

    it('refuses a wrong token', () => {
      given([issued])
        .when(useLink({ tokenHash: 'guess' }))
        .thenRefuses('sign-in-link-invalid');
    });

    it('refuses a link never issued', () => {
      given([]).when(useLink()).thenRefuses('sign-in-link-invalid');
    });
  });
});
