import { type Command, Option } from 'commander';
import { collect } from '../command-options.ts';

/** The arguments and options `lint` and `analyze` share: the files, the output, who may be named. */
function withMarkdownCheckOptions(command: Command, policyHelp: string): Command {
  return command
    .argument('<paths...>', 'Markdown files, or directories searched for *.md')
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json', 'github']))
    .option('--json', 'same as --format json', false)
    .option('--policy <file>', policyHelp)
    .option('--participant <name>', 'a person who may be named (repeatable)', collect)
    .option('--service <name>', 'a service name, never a person (repeatable)', collect)
    .option('--fix-suggestions', 'in --json, a replacement wording per finding where one exists');
}

/** Registers `lint` and `analyze`: checks of Markdown postmortems that need no database. */
export function registerMarkdownCommands(program: Command): void {
  withMarkdownCheckOptions(
    program
      .command('lint')
      .description('check Markdown postmortems for blaming language (no database needed)'),
    'policy file for blameless settings (or DEBRIEF_POLICY)',
  ).action(async (paths: string[], options) =>
    (await import('../commands/lint.ts')).lint(paths, options),
  );

  withMarkdownCheckOptions(
    program
      .command('analyze')
      .description('blameless linter and offline anti-pattern detectors on Markdown postmortems'),
    'policy file (or DEBRIEF_POLICY)',
  )
    .option(
      '--catalogue <file>',
      'service catalogue (JSON or Backstage YAML), as for services import',
    )
    .action(async (paths: string[], options) =>
      (await import('../commands/analyze.ts')).analyze(paths, options),
    );
}
