import { send } from './http.ts';

/** Redeems a one-time invitation or reset link (public): the person's new password. */
export async function redeemPasswordReset(body: {
  token: string;
  password: string;
}): Promise<true> {
  await send('POST', '/password-resets', { body });
  return true;
}
