import { type Command, InvalidArgumentError } from 'commander';

/** Parses `--port`: an integer from 0 to 65535, or a usage error. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  }
  return port;
}

/** Collects a repeatable option into a list (`--service a --service b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds the options every database-touching command shares. */
export function withDataOptions(command: Command): Command {
  return command
    .option(
      '--data-dir <dir>',
      'embedded PGlite data directory (default ./.debrief-data, or DEBRIEF_DATA_DIR)',
    )
    .option('--database-url <url>', 'PostgreSQL URL (or DATABASE_URL)')
    .option('--policy <file>', 'policy file, JSON or YAML (or DEBRIEF_POLICY)')
    .option('--json', 'machine-readable output', false);
}

/** Adds the data options and `--as`, for commands that act on behalf of an account. */
export function withActor(command: Command): Command {
  return withDataOptions(command).option(
    '--as <email>',
    'act as this account (default: the first admin)',
  );
}
