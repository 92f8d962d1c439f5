import type { Command } from 'commander';
import { withActor } from '../command-options.ts';

/** Registers `search` and `metrics`: reading across every postmortem the account may see. */
export function registerInsightCommands(program: Command): void {
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
    .option('--published <true|false>', 'with (true) or without (false) a published report')
    .option('--view <id>', 'start from a saved view')
    .option('--limit <n>', 'at most this many hits (1-100, default 20)')
    .option('--offset <n>', 'skip this many hits')
    .action(async (words: string | undefined, options) =>
      (await import('../commands/search.ts')).search(words, options),
    );

  withActor(program.command('metrics'))
    .description('time to detect/acknowledge/mitigate/resolve as distributions (drills excluded)')
    .option('--since <date>', 'incidents that happened on or after (YYYY-MM-DD or ISO instant)')
    .option('--until <date>', 'up to and including this date, or before this instant')
    .option('--by <dimension>', 'severity | kind | service | team | month')
    .action(async (options) => (await import('../commands/metrics.ts')).metrics(options));
}
