import { insertAccount } from '../../app/auth/create-user.ts';
import { inTransaction } from '../../app/in-transaction.ts';
import { createUserBodySchema } from '../../contracts/auth.ts';
import { presentUser } from '../../server/presenters/present-user.ts';
import { UsageError } from '../output/cli-error.ts';
import { printResult } from '../output/print.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

/** Creates an account. Whoever can run the CLI on the server owns the data, so no actor is needed. */
export async function userCreate(
  options: RuntimeOptions & {
    email: string;
    name: string;
    password?: string;
    role: string;
    json: boolean;
  },
): Promise<void> {
  if (!options.password) {
    throw new UsageError('--password (or DEBRIEF_USER_PASSWORD) is required');
  }
  const input = createUserBodySchema.parse({
    email: options.email,
    name: options.name,
    password: options.password,
    role: options.role,
  });
  await withRuntime(options, async ({ deps }) => {
    const user = await inTransaction(deps, (tx) => insertAccount(tx, input, null));
    printResult(options.json, presentUser(user), () => [
      `Created ${user.role} ${user.email} (${user.id})`,
    ]);
  });
}
