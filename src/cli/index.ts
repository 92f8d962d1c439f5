import { Command, InvalidArgumentError, Option } from 'commander';
import { importCommand } from './commands/import.ts';
import { incidentCreate, incidentList } from './commands/incident-commands.ts';
import { lint } from './commands/lint.ts';
import { migrate } from './commands/migrate.ts';
import {
  postmortemAdvance,
  postmortemOpen,
  postmortemShow,
} from './commands/postmortem-commands.ts';
import { seedDemo } from './commands/seed-demo.ts';
import { serve } from './commands/serve.ts';
import { servicesImport } from './commands/services-import.ts';
import { userCreate } from './commands/user-create.ts';
import { describeError, errorAsJson, exitCodeFor, UsageError } from './output/cli-error.ts';

const parsePort = (value: string) => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  }
  return port;
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds the options every database-touching command shares. */
function withDataOptions(command: Command): Command {
  return command
    .option(
      '--data-dir <dir>',
      'embedded PGlite data directory (default ./.debrief-data, or DEBRIEF_DATA_DIR)',
    )
    .option('--database-url <url>', 'PostgreSQL URL (or DATABASE_URL)')
    .option('--policy <file>', 'policy file, JSON or YAML (or DEBRIEF_POLICY)')
    .option('--json', 'machine-readable output', false);
}

function withActor(command: Command): Command {
  return withDataOptions(command).option(
    '--as <email>',
    'act as this account (default: the first admin)',
  );
}

/** Builds the `debrief` command tree. */
export function buildCli(): Command {
  const program = new Command('debrief')
    .description('Debrief: blameless postmortems, from timeline to verified fixes.')
    .showHelpAfterError()
    .exitOverride();

  withDataOptions(program.command('serve'))
    .description('run the web app and API')
    .addOption(
      new Option('--port <n>', 'port')
        .argParser(parsePort)
        .default(Number(process.env.PORT ?? 3000)),
    )
    .option('--host <host>', 'interface to listen on', process.env.HOST ?? '127.0.0.1')
    .action((options) => serve(options));

  withDataOptions(program.command('migrate'))
    .description('apply database migrations')
    .action((options) => migrate(options));

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
    .addOption(new Option('--role <role>').choices(['admin', 'member', 'viewer']).default('member'))
    .action((options) => {
      if (!options.password) {
        throw new UsageError('--password (or DEBRIEF_USER_PASSWORD) is required');
      }
      return userCreate(options);
    });

  const incident = program.command('incident').description('incidents');
  withActor(incident.command('create'))
    .description('record an incident')
    .requiredOption('--title <title>')
    .requiredOption(
      '--kind <kind>',
      'outage | degradation | security | near_miss | project_failure',
    )
    .requiredOption('--severity <sev>', 'sev1 | sev2 | sev3 | sev4')
    .option('--potential-severity <sev>', 'for a near miss')
    .option('--service <name>', 'affected service (repeatable)', collect)
    .option('--started-at <iso>')
    .option('--detected-at <iso>')
    .option('--mitigated-at <iso>')
    .option('--resolved-at <iso>')
    .option('--drill', 'a drill: kept out of metrics')
    .option('--restricted', 'visible only to members and admins')
    .action((options) => incidentCreate(options));
  withActor(incident.command('list'))
    .description('list incidents')
    .option('--kind <kinds>', 'comma-separated')
    .option('--severity <sevs>', 'comma-separated')
    .option('--status <statuses>', 'comma-separated')
    .option('--service <name>')
    .option('--from <date>', 'started on or after (YYYY-MM-DD)')
    .option('--to <date>', 'started on or before (YYYY-MM-DD)')
    .option('--limit <n>')
    .action((options) => incidentList(options));

  const postmortem = program.command('postmortem').description('postmortems');
  withActor(postmortem.command('open'))
    .description('open a postmortem for one incident, or a thematic one for several')
    .argument('<incident-ids...>')
    .option('--title <title>')
    .action((ids: string[], options) => postmortemOpen(ids, options));
  withActor(postmortem.command('advance'))
    .description('move to the next phase (or --to an earlier one, with --reason)')
    .argument('<postmortem-id>')
    .option('--to <phase>')
    .option('--reason <text>')
    .action((id: string, options) => postmortemAdvance(id, options));
  withActor(postmortem.command('show'))
    .description('show a postmortem and what its next phase needs')
    .argument('<postmortem-id>')
    .action((id: string, options) => postmortemShow(id, options));

  const services = program.command('services').description('the service catalogue');
  withActor(services.command('import'))
    .description('create or replace services and their dependencies from a JSON file')
    .argument('<file>', 'JSON: { "services": [{ "name", "description"?, "dependsOn": [] }] }')
    .action((file: string, options) => servicesImport(file, options));

  program
    .command('lint')
    .description('check Markdown postmortems for blaming language (no database needed)')
    .argument('<paths...>', 'Markdown files, or directories searched for *.md')
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json', 'github']))
    .option('--json', 'same as --format json', false)
    .option('--policy <file>', 'policy file for blameless settings (or DEBRIEF_POLICY)')
    .option('--participant <name>', 'a person who may be named (repeatable)', collect)
    .option('--service <name>', 'a service name, never a person (repeatable)', collect)
    .action((paths: string[], options) => lint(paths, options));

  withActor(program.command('import'))
    .description('import a file, folder or zip into a postmortem timeline as proposed events')
    .argument('<path>', 'a file, a folder (an unzipped Slack export) or a .zip')
    .option('--postmortem <id>', 'the postmortem (not needed with --dry-run)')
    .option('--source <source>', 'slack | alertmanager | pagerduty | … (detected when omitted)')
    .option('--channel <name>', 'Slack channel to keep (repeatable)', collect)
    .option('--since <iso>', 'keep events at or after this instant')
    .option('--until <iso>', 'keep events at or before this instant')
    .option('--tz <zone>', 'zone for timestamps that carry none (IANA or offset)')
    .option('--dry-run', 'parse and report what would be imported; opens no database', false)
    .action((path: string, options) => importCommand(path, options));

  const seed = program.command('seed').description('sample data');
  withActor(seed.command('demo'))
    .description('load a demo incident and postmortem')
    .action((options) => seedDemo(options));

  return program;
}

/** Runs the CLI and maps failures to STYLE.md exit codes (usage 2, not found 3, conflict 4, other 1). */
export async function runCli(argv: string[]): Promise<void> {
  const program = buildCli();
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const commanderError = error as { code?: string; exitCode?: number };
    if (commanderError.code?.startsWith('commander.')) {
      process.exitCode =
        commanderError.code === 'commander.helpDisplayed' ||
        commanderError.code === 'commander.version'
          ? 0
          : 2;
      return;
    }
    if (json) {
      process.stderr.write(`${JSON.stringify({ error: errorAsJson(error) })}\n`);
    } else {
      process.stderr.write(`${describeError(error).join('\n')}\n`);
    }
    process.exitCode = exitCodeFor(error);
  }
}

if (
  import.meta.url === `file://${process.argv[1]}` ||
  process.argv[1]?.endsWith('src/cli/index.ts')
) {
  await runCli(process.argv);
}
