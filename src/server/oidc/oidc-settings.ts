import { type GroupRoleRule, parseGroupRoleRules } from '../../domain/group-role-mapping.ts';
import { type UserRole, userRoles } from '../../domain/user.ts';

/** Sign-in through an OpenID Connect provider, from `DEBRIEF_OIDC_*` (docs/configuration.md). */
export interface OidcSettings {
  /** The issuer URL; its `/.well-known/openid-configuration` is read on first use. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret?: string;
  /** Debrief's callback as registered at the provider: `<public URL>/api/v1/auth/oidc/callback`. */
  redirectUri: string;
  scopes: string;
  /** The claim (ID token or userinfo) that lists the person's groups. */
  groupsClaim: string;
  rules: GroupRoleRule[];
  /** The role of someone none of whose groups is mapped; absent: they may not sign in. */
  defaultRole?: UserRole;
  /** What the sign-in button says ("Sign in with …"). */
  displayName: string;
}

/**
 * Reads the OIDC settings: undefined when `DEBRIEF_OIDC_ISSUER` is unset; throws listing every
 * problem when it is set but incomplete or wrong, so the server does not start half-configured.
 */
export function readOidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | undefined {
  const issuer = env.DEBRIEF_OIDC_ISSUER?.trim();
  if (!issuer) {
    return undefined;
  }
  const problems: string[] = [];
  const url = (name: string, value: string | undefined) => {
    try {
      return new URL(value ?? '').toString();
    } catch {
      problems.push(`${name} must be a URL`);
      return '';
    }
  };
  url('DEBRIEF_OIDC_ISSUER', issuer);
  const redirectUri = url('DEBRIEF_OIDC_REDIRECT_URI', env.DEBRIEF_OIDC_REDIRECT_URI);
  const clientId = env.DEBRIEF_OIDC_CLIENT_ID?.trim() ?? '';
  if (!clientId) {
    problems.push('DEBRIEF_OIDC_CLIENT_ID is required');
  }
  const parsed = parseGroupRoleRules(env.DEBRIEF_OIDC_ROLE_MAP ?? '');
  problems.push(...parsed.problems.map((problem) => `DEBRIEF_OIDC_ROLE_MAP: ${problem}`));
  const defaultRole = env.DEBRIEF_OIDC_DEFAULT_ROLE?.trim() || undefined;
  if (defaultRole && !(userRoles as readonly string[]).includes(defaultRole)) {
    problems.push(`DEBRIEF_OIDC_DEFAULT_ROLE must be one of ${userRoles.join(', ')}`);
  }
  if (parsed.rules.length === 0 && !defaultRole) {
    problems.push('set DEBRIEF_OIDC_ROLE_MAP or DEBRIEF_OIDC_DEFAULT_ROLE, or nobody can sign in');
  }
  if (problems.length > 0) {
    throw new Error(`OpenID Connect settings: ${problems.join('; ')}`);
  }
  const secret = env.DEBRIEF_OIDC_CLIENT_SECRET?.trim();
  return {
    issuer,
    clientId,
    ...(secret ? { clientSecret: secret } : {}),
    redirectUri,
    scopes: env.DEBRIEF_OIDC_SCOPES?.trim() || 'openid email profile groups',
    groupsClaim: env.DEBRIEF_OIDC_GROUPS_CLAIM?.trim() || 'groups',
    rules: parsed.rules,
    ...(defaultRole ? { defaultRole: defaultRole as UserRole } : {}),
    displayName: env.DEBRIEF_OIDC_NAME?.trim() || 'single sign-on',
  };
}

/** `DEBRIEF_LOCAL_ACCOUNTS=false` turns email-and-password sign-in off (default on). */
export function readLocalAccounts(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DEBRIEF_LOCAL_ACCOUNTS?.trim().toLowerCase() !== 'false';
}
