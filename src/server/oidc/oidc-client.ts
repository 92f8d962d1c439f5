import * as client from 'openid-client';
import type { OidcIdentity } from '../../app/auth/sign-in-with-oidc.ts';
import { roleForGroups } from '../../domain/group-role-mapping.ts';
import type { UserRole } from '../../domain/user.ts';
import type { OidcSettings } from './oidc-settings.ts';

/** What the browser keeps between the redirect to the provider and the way back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

/** The authorization-code flow with PKCE against one provider. */
export interface OidcClient {
  /** Where to send the browser, and what to keep until it comes back. */
  start(): Promise<{ url: string; pending: PendingSignIn }>;
  /** Redeems the code of the callback URL; the verified identity and the role it maps to. */
  finish(
    callbackUrl: URL,
    pending: PendingSignIn,
  ): Promise<{ identity: OidcIdentity; role: UserRole | undefined }>;
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string');
  }
  return typeof value === 'string' ? [value] : [];
}

/**
 * An OIDC client over `openid-client`. The provider's metadata is discovered on first use (and
 * again after a failure). Plain HTTP is allowed only for a provider on this machine's loopback.
 */
export function createOidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const configure = () => {
    const issuer = new URL(settings.issuer);
    configuration ??= client
      .discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? undefined : client.None(),
        isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  return {
    async start() {
      const config = await configure();
      const pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.toString(), pending };
    },

    async finish(callbackUrl, pending) {
      const config = await configure();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) {
        throw new Error('the provider sent no ID token');
      }
      // Providers put profile and group claims in the ID token or only behind userinfo.
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      const merged: Record<string, unknown> = { ...info, ...claims };
      const identity: OidcIdentity = {
        issuer: String(claims.iss),
        subject: claims.sub,
        email: typeof merged.email === 'string' ? merged.email.toLowerCase() : undefined,
        emailVerified: merged.email_verified === true,
        name: typeof merged.name === 'string' ? merged.name : undefined,
      };
      const groups = groupsOf(merged[settings.groupsClaim]);
      return { identity, role: roleForGroups(groups, settings.rules, settings.defaultRole) };
    },
  };
}
