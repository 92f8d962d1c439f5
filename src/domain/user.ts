/** Account roles: admins manage accounts and see everything; viewers only read. */
export const userRoles = ['admin', 'member', 'viewer'] as const;
export type UserRole = (typeof userRoles)[number];

/** A person with an account. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  createdAt: Date;
}

/** Who is acting: the fields authorization needs. */
export type Actor = Pick<User, 'id' | 'role'>;
