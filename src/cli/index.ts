import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';

// Every command's module is imported inside its action, never at the top of this file: a
// command loads only what it uses, and `--help`, `--version` or `lint` never load the
// database, the web server or anything else they do not need. Add a command the same way:
//   .action(async (options) => (await import('./commands/noun-verb.ts')).nounVerb(options));

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

/** The package's version; `package.json` is two levels up from both the sources and the build. */
function readVersion(): string {
  const manifest = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** Builds the `debrief` command tree. */
export function buildCli(): Command {
  const program = new Command('debrief')
    .description('Debrief: blameless postmortems, from timeline to verified fixes.')
    .version(readVersion(), '-V, --version', 'print the version of Debrief')
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
    .action(async (options) => (await import('./commands/serve.ts')).serve(options));

  withDataOptions(program.command('migrate'))
    .description('apply database migrations')
    .action(async (options) => (await import('./commands/migrate.ts')).migrate(options));

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
    .action(async (options) => (await import('./commands/user-create.ts')).userCreate(options));
  withActor(user.command('update <email>'))
    .description('change an account: role, name, disabled (disabling ends its sessions)')
    .addOption(new Option('--role <role>').choices(['admin', 'member', 'viewer']))
    .option('--name <name>')
    .addOption(new Option('--disable', 'disable the account').conflicts('enable'))
    .option('--enable', 'enable the account again')
    .action(async (email: string, options) =>
      (await import('./commands/user-admin.ts')).userUpdate(email, options),
    );
  withActor(user.command('reset-link <email>'))
    .description('issue a one-time password reset link (valid 24 hours)')
    .option('--base-url <url>', 'where the web app is served, to print a full link')
    .action(async (email: string, options) =>
      (await import('./commands/user-admin.ts')).userResetLink(email, options),
    );
  withActor(user.command('sign-out <email>'))
    .description('end every browser session of the account')
    .action(async (email: string, options) =>
      (await import('./commands/user-admin.ts')).userSignOut(email, options),
    );

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
    .action(async (options) =>
      (await import('./commands/incident-commands.ts')).incidentCreate(options),
    );
  withActor(incident.command('list'))
    .description('list incidents')
    .option('--kind <kinds>', 'comma-separated')
    .option('--severity <sevs>', 'comma-separated')
    .option('--status <statuses>', 'comma-separated')
    .option('--service <name>')
    .option('--from <date>', 'started on or after (YYYY-MM-DD)')
    .option('--to <date>', 'started on or before (YYYY-MM-DD)')
    .option('--limit <n>')
    .action(async (options) =>
      (await import('./commands/incident-commands.ts')).incidentList(options),
    );

  const postmortem = program.command('postmortem').description('postmortems');
  withActor(postmortem.command('open'))
    .description('open a postmortem for one incident, or a thematic one for several')
    .argument('<incident-ids...>')
    .option('--title <title>')
    .action(async (ids: string[], options) =>
      (await import('./commands/postmortem-commands.ts')).postmortemOpen(ids, options),
    );
  withActor(postmortem.command('advance'))
    .description('move to the next phase (or --to an earlier one, with --reason)')
    .argument('<postmortem-id>')
    .option('--to <phase>')
    .option('--reason <text>')
    .action(async (id: string, options) =>
      (await import('./commands/postmortem-commands.ts')).postmortemAdvance(id, options),
    );
  withActor(postmortem.command('show'))
    .description('show a postmortem and what its next phase needs')
    .argument('<postmortem-id>')
    .action(async (id: string, options) =>
      (await import('./commands/postmortem-commands.ts')).postmortemShow(id, options),
    );

  const services = program.command('services').description('the service catalogue');
  withActor(services.command('import'))
    .description(
      'create or replace services and their dependencies from Debrief JSON or Backstage catalog-info.yaml',
    )
    .argument(
      '<file|folder>',
      'JSON { "services": [{ "name", "dependsOn": [] }] }, or Backstage YAML (Component, Resource, System)',
    )
    .action(async (file: string, options) =>
      (await import('./commands/services-import.ts')).servicesImport(file, options),
    );

  withActor(program.command('search'))
    .description('full-text search across the postmortems you may see, ranked')
    .argument('[words]', 'words in web-search syntax: "exact phrase", or, -excluded')
    .option('--kind <kinds>', 'incident kinds, comma-separated')
    .option('--severity <severities>', 'worst severity, comma-separated (sev1,sev2)')
    .option('--service <services>', 'services, comma-separated')
    .option('--category <categories>', 'contributing-factor categories, comma-separated')
    .option('--phase <phases>', 'postmortem phases, comma-separated')
    .option('--from <date>', 'an incident started on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'an incident started on or before this day (YYYY-MM-DD)')
    .option('--view <id>', 'start from a saved view')
    .option('--limit <n>', 'at most this many hits (1-100, default 20)')
    .option('--offset <n>', 'skip this many hits')
    .action(async (words: string | undefined, options) =>
      (await import('./commands/search.ts')).search(words, options),
    );

  const actionItems = program
    .command('action-items')
    .description('action items across postmortems');
  withActor(actionItems.command('list'))
    .description('the board: every action item you may see, soonest due first')
    .option('--mine', 'only items you own')
    .option('--overdue', 'only items past their due date and not done')
    .option('--team <team>', 'only this team')
    .option('--limit <n>', 'at most this many (1-200)')
    .action(async (options) =>
      (await import('./commands/action-item-commands.ts')).actionItemsList(options),
    );
  const actionItem = program.command('action-item').description('one action item');
  withActor(actionItem.command('verify'))
    .description('mark a done item verified, with evidence')
    .argument('<id>')
    .requiredOption('--evidence <url>', 'link to the proof: merged change, tracker issue, runbook…')
    .option('--note <text>', 'what was checked')
    .action(async (id: string, options) =>
      (await import('./commands/action-item-commands.ts')).actionItemVerify(id, options),
    );

  const review = program.command('review').description('requested reviews of a report');
  withActor(review.command('list'))
    .description('who was asked, their answers, approvals against the policy, who is pending')
    .argument('<postmortem-id>')
    .action(async (id: string, options) =>
      (await import('./commands/review-commands.ts')).reviewList(id, options),
    );
  withActor(review.command('request'))
    .description('ask a person or a policy team to review the report')
    .argument('<postmortem-id>')
    .option('--user <email>', 'the account asked')
    .option('--team <key>', 'a team of the policy (reviewTeams)')
    .option('--role <role>', 'the capacity the review counts in (security, legal, …)')
    .action(async (id: string, options) =>
      (await import('./commands/review-commands.ts')).reviewRequest(id, options),
    );
  for (const [name, decision, help] of [
    ['approve', 'approved', 'approve the report'],
    ['request-changes', 'changes_requested', 'ask for changes (--comment says which)'],
  ] as const) {
    withActor(review.command(name))
      .description(help)
      .argument('<review-id>')
      .option('--comment <text>', 'why, or what was checked')
      .action(async (id: string, options) =>
        (await import('./commands/review-commands.ts')).reviewDecide(id, decision, options),
      );
  }

  program
    .command('lint')
    .description('check Markdown postmortems for blaming language (no database needed)')
    .argument('<paths...>', 'Markdown files, or directories searched for *.md')
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json', 'github']))
    .option('--json', 'same as --format json', false)
    .option('--policy <file>', 'policy file for blameless settings (or DEBRIEF_POLICY)')
    .option('--participant <name>', 'a person who may be named (repeatable)', collect)
    .option('--service <name>', 'a service name, never a person (repeatable)', collect)
    .option('--fix-suggestions', 'in --json, a replacement wording per finding where one exists')
    .action(async (paths: string[], options) =>
      (await import('./commands/lint.ts')).lint(paths, options),
    );

  program
    .command('analyze')
    .description('blameless linter and offline anti-pattern detectors on Markdown postmortems')
    .argument('<paths...>', 'Markdown files, or directories searched for *.md')
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json', 'github']))
    .option('--json', 'same as --format json', false)
    .option('--policy <file>', 'policy file (or DEBRIEF_POLICY)')
    .option(
      '--catalogue <file>',
      'service catalogue (JSON or Backstage YAML), as for services import',
    )
    .option('--participant <name>', 'a person who may be named (repeatable)', collect)
    .option('--service <name>', 'a service name, never a person (repeatable)', collect)
    .option('--fix-suggestions', 'in --json, a replacement wording per finding where one exists')
    .action(async (paths: string[], options) =>
      (await import('./commands/analyze.ts')).analyze(paths, options),
    );

  withActor(program.command('import'))
    .description('import a file, folder or zip into a postmortem timeline as proposed events')
    .argument('<path>', 'a file, a folder (an unzipped Slack export) or a .zip')
    .option('--postmortem <id>', 'the postmortem (not needed with --dry-run)')
    .option('--source <source>', 'slack | alertmanager | pagerduty | … (detected when omitted)')
    .option('--channel <name>', 'Slack channel to keep (repeatable)', collect)
    .option(
      '--since <iso>',
      'keep events at or after this instant (default: 24 h before the incident, per the policy)',
    )
    .option(
      '--until <iso>',
      'keep events at or before this instant (default: 24 h after the incident, per the policy)',
    )
    .option('--all-time', 'keep the whole input, not only the window around the incident')
    .option('--threshold <value>', 'metrics: a threshold for every series (>0.05, <10, 5%)')
    .option('--tz <zone>', 'zone for timestamps that carry none (IANA or offset)')
    .option('--dry-run', 'parse and report what would be imported; opens no database', false)
    .action(async (path: string, options) =>
      (await import('./commands/import.ts')).importCommand(path, options),
    );

  withActor(program.command('export'))
    .description('export a postmortem as Markdown (postmortems-as-code), HTML, PDF or JSON')
    .argument('<postmortem-id>')
    .addOption(
      new Option('--format <format>', 'md | html | pdf | json')
        .choices(['md', 'html', 'pdf', 'json'])
        .default('md'),
    )
    .option('--output <file>', 'write to this file (default: standard output)')
    .option('--template <key>', "render with this report template instead of the policy's choice")
    .action(async (id: string, options) =>
      (await import('./commands/export.ts')).exportCommand(id, options),
    );

  withActor(program.command('metrics'))
    .description('time to detect/acknowledge/mitigate/resolve as distributions (drills excluded)')
    .option('--since <date>', 'incidents that happened on or after (YYYY-MM-DD or ISO instant)')
    .option('--until <date>', 'up to and including this date, or before this instant')
    .option('--by <dimension>', 'severity | kind | service | team | month')
    .action(async (options) => (await import('./commands/metrics.ts')).metrics(options));

  const seed = program.command('seed').description('sample data');
  withActor(seed.command('demo'))
    .description('load a demo incident and postmortem')
    .action(async (options) => (await import('./commands/seed-demo.ts')).seedDemo(options));

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
    const { describeError, errorAsJson, exitCodeFor } = await import('./output/cli-error.ts');
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
