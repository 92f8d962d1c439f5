import { type Command, Option } from 'commander';
import { collect, withActor } from '../command-options.ts';

/** Registers `services import`, `import` and `export`: data in and out of Debrief. */
export function registerImportExportCommands(program: Command): void {
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
      (await import('../commands/services-import.ts')).servicesImport(file, options),
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
      (await import('../commands/import.ts')).importCommand(path, options),
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
      (await import('../commands/export.ts')).exportCommand(id, options),
    );
}
