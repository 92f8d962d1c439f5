import type { UserRole } from '../../../domain/user.ts';

/** Display names of the roles, with what each may do. */
export const roleLabels: Record<UserRole, string> = {
  admin: 'Admin (everything, including accounts and integrations)',
  member: 'Member (records incidents and writes postmortems)',
  viewer: 'Viewer (reads)',
};

/** Short role names for tables. */
export const roleShortLabels: Record<UserRole, string> = {
  admin: 'Admin',
  member: 'Member',
  viewer: 'Viewer',
};
