import { describe, expect, test } from 'vitest';
import { claimList, OidcRefusal, personFromClaims, type OidcSettings } from './oidc';

type ClaimSettings = Pick<
  OidcSettings,
  'usernameClaim' | 'roleClaim' | 'roleMap' | 'queuesClaim' | 'groupsClaim'
>;

const settings = (scope: Partial<Pick<OidcSettings, 'queuesClaim' | 'groupsClaim'>> = {}): ClaimSettings => ({
  usernameClaim: 'preferred_username',
  roleClaim: 'roles',
  roleMap: new Map([['cw-floor', 'supervisor' as const]]),
  queuesClaim: undefined,
  groupsClaim: undefined,
  ...scope,
});

const person = (claims: Record<string, unknown>) => ({ sub: 'u-1', preferred_username: 'maria', ...claims });

function refusal(run: () => unknown): OidcRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof OidcRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('claimList: a claim as a list', () => {
  test('splits a string on commas only, so a queue name may hold spaces', () => {
    const claims = { queues: 'Technical support, Sales ,,Billing EU' };
    expect(claimList(claims, 'queues')).toEqual(['Technical support', 'Sales', 'Billing EU']);
  });

  test('takes a list as sent (strings only, blanks dropped), and follows dotted names', () => {
    const claims = { app: { queues: ['Technical support', 7, ' ', 'Sales'] } };
    expect(claimList(claims, 'app.queues')).toEqual(['Technical support', 'Sales']);
  });

  test('a missing claim, or no claim name, is an empty list', () => {
    expect(claimList({}, 'queues')).toEqual([]);
    expect(claimList({ queues: 'Sales' }, undefined)).toEqual([]);
  });
});

describe('personFromClaims: role and scope from the claims', () => {
  test('no scope claim configured: every call, as before', () => {
    expect(personFromClaims(person({ roles: ['cw-floor'] }), settings())).toEqual({
      subject: 'maria',
      role: 'supervisor',
      scope: { queues: [], groups: [] },
    });
  });

  test('a configured scope claim gives the queues and groups it lists', () => {
    const claims = person({ roles: ['cw-floor'], queues: 'Technical support,Sales', groups: ['Berlin'] });
    expect(
      personFromClaims(claims, settings({ queuesClaim: 'queues', groupsClaim: 'groups' })).scope,
    ).toEqual({
      queues: ['Technical support', 'Sales'],
      groups: ['Berlin'],
    });
  });

  test.each([
    ['missing', {}],
    ['an empty string', { queues: '' }],
    ['an empty list', { queues: [] }],
    ['only blanks and commas', { queues: ' , ' }],
    ['not a string or a list', { queues: 42 }],
  ])('a configured scope claim that is %s refuses the sign-in (never every call)', (_what, scope) => {
    const error = refusal(() =>
      personFromClaims(person({ roles: ['cw-floor'], ...scope }), settings({ queuesClaim: 'queues' })),
    );
    expect(error.code).toBe('oidc-scope');
    expect(error.subject).toBe('maria');
    expect(error.message).toMatch(/no queues or groups in the "queues" claim/);
  });

  test('with both scope claims configured, either one listing something is enough; neither refuses', () => {
    const both = settings({ queuesClaim: 'queues', groupsClaim: 'groups' });
    expect(personFromClaims(person({ roles: ['cw-floor'], groups: ['Berlin'] }), both).scope).toEqual({
      queues: [],
      groups: ['Berlin'],
    });
    expect(refusal(() => personFromClaims(person({ roles: ['cw-floor'] }), both)).message).toMatch(
      /"queues" or "groups" claim/,
    );
  });

  test('"*" in a scope claim grants every call explicitly', () => {
    const claims = person({ roles: ['admin'], queues: ['*'] });
    expect(personFromClaims(claims, settings({ queuesClaim: 'queues' })).scope).toEqual({
      queues: [],
      groups: [],
    });
  });

  test('no role is refused as before (oidc-role), whatever the scope', () => {
    const error = refusal(() =>
      personFromClaims(person({ roles: ['staff'], queues: 'Sales' }), settings({ queuesClaim: 'queues' })),
    );
    expect(error.code).toBe('oidc-role');
  });

  test('the name is the whole claim (not split), else the email, else sub', () => {
    expect(
      personFromClaims(person({ preferred_username: 'Doe, Jane', roles: 'admin' }), settings()).subject,
    ).toBe('Doe, Jane');
    expect(
      personFromClaims({ sub: 'u-2', email: 'jane@example.com', roles: 'admin' }, settings()).subject,
    ).toBe('jane@example.com');
    expect(personFromClaims({ sub: 'u-3', roles: 'admin' }, settings()).subject).toBe('u-3');
  });
});
