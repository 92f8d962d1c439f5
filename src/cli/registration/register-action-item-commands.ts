import type { Command } from 'commander';
import { withActor } from '../command-options.ts';

/** Registers `action-items list` (the board) and `action-item verify`. */
export function registerActionItemCommands(program: Command): void {
  const actionItems = program
    .command('action-items')
    .description('action items across postmortems');
  withActor(actionItems.command('list'))
    .description('the board: every action item you may see, soonest due first')
    .option('--mine', 'only items you own')
    .option('--overdue', 'only items past their due date and not done')
    .option('--team <team>', 'only this team')
    .option(
      '--status <statuses>',
      'only these statuses, comma-separated: open, in_progress, done, verified, wont_do',
    )
    .option('--limit <n>', 'at most this many (1-200)')
    .action(async (options) =>
      (await import('../commands/action-item-commands.ts')).actionItemsList(options),
    );
  const actionItem = program.command('action-item').description('one action item');
  withActor(actionItem.command('verify'))
    .description('mark a done item verified, with evidence')
    .argument('<id>')
    .requiredOption('--evidence <url>', 'link to the proof: merged change, tracker issue, runbook…')
    .option('--note <text>', 'what was checked')
    .action(async (id: string, options) =>
      (await import('../commands/action-item-commands.ts')).actionItemVerify(id, options),
    );
}
