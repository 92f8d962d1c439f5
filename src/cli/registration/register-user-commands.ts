import { type Command, Option } from 'commander';
import { withActor, withDataOptions } from '../command-options.ts';

const roles = ['admin', 'member', 'viewer'];

/** Registers `user create|update|reset-link|sign-out`: account administration. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('accounts');
  withDataOptions(user.command('create'))
    .description('create an account')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .option(
      '--password <password>',
      'at least 10 characters (or DEBRIEF_USER_PASSWORD)',
      process.env.DEBRIEF_USER_PASSWORD,
    )
    .addOption(new Option('--role <role>').choices(roles).default('member'))
    .action(async (options) => (await import('../commands/user-create.ts')).userCreate(options));
  withActor(user.command('update <email>'))
    .description('change an account: role, name, disabled (disabling ends its sessions)')
    .addOption(new Option('--role <role>').choices(roles))
    .option('--name <name>')
    .addOption(new Option('--disable', 'disable the account').conflicts('enable'))
    .option('--enable', 'enable the account again')
    .action(async (email: string, options) =>
      (await import('../commands/user-admin.ts')).userUpdate(email, options),
    );
  withActor(user.command('reset-link <email>'))
    .description('issue a one-time password reset link (valid 24 hours)')
    .option('--base-url <url>', 'where the web app is served, to print a full link')
    .action(async (email: string, options) =>
      (await import('../commands/user-admin.ts')).userResetLink(email, options),
    );
  withActor(user.command('sign-out <email>'))
    .description('end every browser session of the account')
    .action(async (email: string, options) =>
      (await import('../commands/user-admin.ts')).userSignOut(email, options),
    );
}
