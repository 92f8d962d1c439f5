import type { Command } from 'commander';
import { collect, withActor } from '../command-options.ts';

/** Registers `incident create|list` and `postmortem open|advance|show`. */
export function registerIncidentCommands(program: Command): void {
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
      (await import('../commands/incident-commands.ts')).incidentCreate(options),
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
      (await import('../commands/incident-commands.ts')).incidentList(options),
    );

  const postmortem = program.command('postmortem').description('postmortems');
  withActor(postmortem.command('open'))
    .description('open a postmortem for one incident, or a thematic one for several')
    .argument('<incident-ids...>')
    .option('--title <title>')
    .action(async (ids: string[], options) =>
      (await import('../commands/postmortem-commands.ts')).postmortemOpen(ids, options),
    );
  withActor(postmortem.command('advance'))
    .description('move to the next phase (or --to an earlier one, with --reason)')
    .argument('<postmortem-id>')
    .option('--to <phase>')
    .option('--reason <text>')
    .action(async (id: string, options) =>
      (await import('../commands/postmortem-commands.ts')).postmortemAdvance(id, options),
    );
  withActor(postmortem.command('show'))
    .description('show a postmortem and what its next phase needs')
    .argument('<postmortem-id>')
    .action(async (id: string, options) =>
      (await import('../commands/postmortem-commands.ts')).postmortemShow(id, options),
    );
}
