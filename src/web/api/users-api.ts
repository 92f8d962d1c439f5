import { z } from 'zod';
import { userSchema } from '../../contracts/auth.ts';
import { requestJson } from './http.ts';

export type { UserDto as User } from '../../contracts/auth.ts';

const userList = z.object({ data: z.array(userSchema) });

/** The account directory: members read it to pick people, admins to manage them. */
export const usersApi = {
  list: () => requestJson(userList, 'GET', '/users'),
};
