import type { z } from 'zod';
import {
  sessionSchema,
  type setupBodySchema,
  setupStatusSchema,
  type signInBodySchema,
  signInMethodsSchema,
} from '../../contracts/auth.ts';
import { requestJson, send } from './http.ts';

export type Session = z.infer<typeof sessionSchema>;

/** Accounts and sessions. */
export const authApi = {
  getSetupStatus: () => requestJson(setupStatusSchema, 'GET', '/setup'),
  setup: (body: z.input<typeof setupBodySchema>) =>
    requestJson(sessionSchema, 'POST', '/setup', { body }),
  getSignInMethods: () => requestJson(signInMethodsSchema, 'GET', '/auth/methods'),
  getSession: () => requestJson(sessionSchema, 'GET', '/auth/session'),
  signIn: (body: z.input<typeof signInBodySchema>) =>
    requestJson(sessionSchema, 'POST', '/auth/sessions', { body }),
  signOut: async (): Promise<void> => {
    await send('DELETE', '/auth/sessions/current');
  },
};
