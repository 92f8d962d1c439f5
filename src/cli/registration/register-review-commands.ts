import type { Command } from 'commander';
import { withActor } from '../command-options.ts';

/** Registers `review list|request|approve|request-changes`: requested reviews of a report. */
export function registerReviewCommands(program: Command): void {
  const review = program.command('review').description('requested reviews of a report');
  withActor(review.command('list'))
    .description('who was asked, their answers, approvals against the policy, who is pending')
    .argument('<postmortem-id>')
    .action(async (id: string, options) =>
      (await import('../commands/review-commands.ts')).reviewList(id, options),
    );
  withActor(review.command('request'))
    .description('ask a person or a policy team to review the report')
    .argument('<postmortem-id>')
    .option('--user <email>', 'the account asked')
    .option('--team <key>', 'a team of the policy (reviewTeams)')
    .option('--role <role>', 'the capacity the review counts in (security, legal, …)')
    .action(async (id: string, options) =>
      (await import('../commands/review-commands.ts')).reviewRequest(id, options),
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
        (await import('../commands/review-commands.ts')).reviewDecide(id, decision, options),
      );
  }
}
