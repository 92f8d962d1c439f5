import type { FastifyRequest } from 'fastify';
import type { User } from '../domain/user.ts';
import { requireActor } from './authenticate.ts';
import { sameAccount } from './presumed-accounts.ts';

/**
 * Runs a read as the request's account. On an `authenticateAlongside` route whose credential
 * was accepted before, the read starts at once as the account the credential belonged to then,
 * and the credential's check runs beside it: a refusal is answered as soon as the check ends,
 * without waiting for the read (whose cost would tell what it found); a changed account (another
 * role, say) gets the read again as it is now; only an unchanged one gets this read's result.
 */
export async function actingAs<T>(
  request: FastifyRequest,
  read: (actor: User) => Promise<T>,
): Promise<T> {
  const pending = request.pendingAuthentication;
  if (!pending) {
    return read(requireActor(request));
  }
  // The read starts first, so its statement goes out first: the check's is short and ends well
  // before it.
  const reading = (async () => read(pending.presumed))();
  // Handled from the start: a read that fails while the check runs is not an unhandled one.
  reading.catch(() => {});
  const dropped = (reason: string) => {
    reading.catch((error: unknown) => {
      request.log.warn(
        { err: error },
        `a read started beside its credential's check failed (${reason})`,
      );
    });
  };
  try {
    await pending.check();
  } catch (refusal) {
    dropped('credential refused');
    throw refusal;
  }
  const actor = requireActor(request);
  if (!sameAccount(pending.presumed, actor)) {
    dropped('account changed');
    return read(actor);
  }
  return reading;
}

/**
 * The refusal of a request that failed (a 400, say) before its credential's check was done: the
 * check runs, and a refused credential is answered as such, before anything else about it.
 */
export async function authenticationRefusal(request: FastifyRequest): Promise<unknown> {
  try {
    await request.pendingAuthentication?.check();
    return undefined;
  } catch (refusal) {
    return refusal;
  }
}
