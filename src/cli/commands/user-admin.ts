import { changeAccount } from '../../app/accounts/change-account.ts';
import { issuePasswordReset } from '../../app/accounts/password-resets.ts';
import { signOutEverywhere } from '../../app/accounts/sign-out-everywhere.ts';
import type { AppDeps } from '../../app/app-deps.ts';
import { updateUserBodySchema } from '../../contracts/accounts.ts';
import { emailSchema } from '../../contracts/auth.ts';
import { DomainError } from '../../domain/errors.ts';
import type { User } from '../../domain/user.ts';
import { presentUser } from '../../server/presenters/present-user.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import { printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

/** Options every account command takes: where the data is, who acts, output format. */
export type UserAdminOptions = RuntimeOptions & { as?: string; json: boolean };

async function findAccount(deps: AppDeps, email: string): Promise<User> {
  const found = await usersRepository.findCredentialsByEmail(deps.db, emailSchema.parse(email));
  if (!found) {
    throw new DomainError('NOT_FOUND', `No account with email ${email}.`);
  }
  return found.user;
}

/** `debrief user update <email> [--role R] [--disable|--enable] [--name N]`. */
export async function userUpdate(
  email: string,
  options: UserAdminOptions & { role?: string; name?: string; disable?: boolean; enable?: boolean },
): Promise<void> {
  const change = updateUserBodySchema.parse({
    ...(options.role === undefined ? {} : { role: options.role }),
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.disable ? { disabled: true } : options.enable ? { disabled: false } : {}),
  });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const target = await findAccount(deps, email);
    const user = await changeAccount(deps, actor, target.id, change);
    printResult(options.json, presentUser(user), () => [
      `${user.email}: ${user.role}${user.disabled ? ', disabled' : ''}`,
    ]);
  });
}

/** `debrief user reset-link <email> [--base-url URL]`: a one-time password reset link. */
export async function userResetLink(
  email: string,
  options: UserAdminOptions & { baseUrl?: string },
): Promise<void> {
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const target = await findAccount(deps, email);
    const reset = await issuePasswordReset(deps, actor, target.id);
    const link = `${(options.baseUrl ?? '').replace(/\/$/, '')}/reset-password#${reset.token}`;
    printResult(options.json, { link, expiresAt: reset.expiresAt.toISOString() }, () => [
      `One-time reset link for ${target.email} (until ${reset.expiresAt.toISOString()}):`,
      link,
    ]);
  });
}

/** `debrief user sign-out <email>`: ends every browser session of the account. */
export async function userSignOut(email: string, options: UserAdminOptions): Promise<void> {
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const target = await findAccount(deps, email);
    const result = await signOutEverywhere(deps, actor, target.id);
    printResult(options.json, result, () => [
      `Ended ${result.sessionsEnded} session(s) of ${target.email}.`,
    ]);
  });
}
