import { describe, expect, it } from 'vitest';
import { parseGroupRoleRules, roleForGroups } from './group-role-mapping.ts';

describe('group → role mapping', () => {
  const { rules } = parseGroupRoleRules('debrief-admins=admin, sre=member,support=viewer');

  it('gives the highest role any of the groups maps to', () => {
    expect(roleForGroups(['support', 'sre'], rules)).toBe('member');
    expect(roleForGroups(['sre', 'debrief-admins'], rules)).toBe('admin');
    expect(roleForGroups(['support'], rules)).toBe('viewer');
  });

  it('falls back to the default role, or to none', () => {
    expect(roleForGroups(['contractors'], rules)).toBeUndefined();
    expect(roleForGroups([], rules, 'viewer')).toBe('viewer');
    expect(roleForGroups(['sre'], rules, 'viewer')).toBe('member');
  });

  it('reports every malformed pair and unknown role', () => {
    const parsed = parseGroupRoleRules('a=admin,b,=member,c=owner, ,cn=x=y=viewer');
    expect(parsed.rules).toEqual([
      { group: 'a', role: 'admin' },
      { group: 'cn=x=y', role: 'viewer' },
    ]);
    expect(parsed.problems).toHaveLength(3);
  });
});
