import { type Command, Option } from 'commander';
import { parsePort, withActor, withDataOptions } from '../command-options.ts';

/** Registers `serve`, `migrate` and `seed demo`: running Debrief and preparing its database. */
export function registerServerCommands(program: Command): void {
  withDataOptions(program.command('serve'))
    .description('run the web app and API')
    .addOption(
      new Option('--port <n>', 'port')
        .argParser(parsePort)
        .default(Number(process.env.PORT ?? 3000)),
    )
    .option('--host <host>', 'interface to listen on', process.env.HOST ?? '127.0.0.1')
    .action(async (options) => (await import('../commands/serve.ts')).serve(options));

  withDataOptions(program.command('migrate'))
    .description('apply database migrations')
    .action(async (options) => (await import('../commands/migrate.ts')).migrate(options));

  const seed = program.command('seed').description('sample data');
  withActor(seed.command('demo'))
    .description('load a demo incident and postmortem')
    .action(async (options) => (await import('../commands/seed-demo.ts')).seedDemo(options));
}
