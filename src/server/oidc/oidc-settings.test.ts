import { describe, expect, it } from 'vitest';
import { readLocalAccounts, readOidcSettings } from './oidc-settings.ts';

describe('OIDC settings', () => {
  const complete = {
    DEBRIEF_OIDC_ISSUER: 'https://login.example.com/realms/ops',
    DEBRIEF_OIDC_CLIENT_ID: 'debrief',
    DEBRIEF_OIDC_CLIENT_SECRET: 's3cret',
    DEBRIEF_OIDC_REDIRECT_URI: 'https://debrief.example.com/api/v1/auth/oidc/callback',
    DEBRIEF_OIDC_ROLE_MAP: 'debrief-admins=admin,sre=member',
  };

  it('is off without an issuer', () => {
    expect(readOidcSettings({})).toBeUndefined();
  });

  it('reads a complete configuration with defaults', () => {
    expect(readOidcSettings(complete)).toMatchObject({
      clientSecret: 's3cret',
      scopes: 'openid email profile groups',
      groupsClaim: 'groups',
      rules: [
        { group: 'debrief-admins', role: 'admin' },
        { group: 'sre', role: 'member' },
      ],
    });
  });

  it('stops the start on every problem at once', () => {
    expect(() =>
      readOidcSettings({
        DEBRIEF_OIDC_ISSUER: 'https://login.example.com',
        DEBRIEF_OIDC_REDIRECT_URI: 'not a url',
        DEBRIEF_OIDC_ROLE_MAP: 'sre=owner',
      }),
    ).toThrow(/REDIRECT_URI.*CLIENT_ID.*owner.*nobody can sign in/);
  });

  it('keeps local accounts on unless turned off', () => {
    expect(readLocalAccounts({})).toBe(true);
    expect(readLocalAccounts({ DEBRIEF_LOCAL_ACCOUNTS: 'FALSE' })).toBe(false);
  });
});
