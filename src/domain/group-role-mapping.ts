import { type UserRole, userRoles } from './user.ts';

/** One rule of the identity provider's group → Debrief role mapping. */
export interface GroupRoleRule {
  group: string;
  role: UserRole;
}

const rank: Record<UserRole, number> = { viewer: 1, member: 2, admin: 3 };

/**
 * Reads `group=role` pairs separated by commas (`debrief-admins=admin, sre=member`). Every
 * malformed pair and unknown role is reported, so a bad setting stops the server at start.
 */
export function parseGroupRoleRules(text: string): { rules: GroupRoleRule[]; problems: string[] } {
  const rules: GroupRoleRule[] = [];
  const problems: string[] = [];
  for (const pair of text.split(',').map((part) => part.trim())) {
    if (pair === '') {
      continue;
    }
    const at = pair.lastIndexOf('=');
    const group = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || group === '') {
      problems.push(`"${pair}" is not group=role`);
    } else if (!(userRoles as readonly string[]).includes(role)) {
      problems.push(`"${role}" in "${pair}" is not a role (${userRoles.join(', ')})`);
    } else {
      rules.push({ group, role: role as UserRole });
    }
  }
  return { rules, problems };
}

/**
 * The role a person's groups give them: the highest of the roles their groups map to, else
 * `fallback`; undefined when neither gives one (the person may not sign in).
 */
export function roleForGroups(
  groups: readonly string[],
  rules: readonly GroupRoleRule[],
  fallback?: UserRole,
): UserRole | undefined {
  let best: UserRole | undefined;
  for (const rule of rules) {
    if (groups.includes(rule.group) && (best === undefined || rank[rule.role] > rank[best])) {
      best = rule.role;
    }
  }
  return best ?? fallback;
}
