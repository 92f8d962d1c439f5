import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerActionItemCommands } from './registration/register-action-item-commands.ts';
import { registerImportExportCommands } from './registration/register-import-export-commands.ts';
import { registerIncidentCommands } from './registration/register-incident-commands.ts';
import { registerInsightCommands } from './registration/register-insight-commands.ts';
import { registerMarkdownCommands } from './registration/register-markdown-commands.ts';
import { registerReviewCommands } from './registration/register-review-commands.ts';
import { registerServerCommands } from './registration/register-server-commands.ts';
import { registerUserCommands } from './registration/register-user-commands.ts';

// The modules under registration/ declare flags and help only, and import nothing but
// commander and command-options.ts. Every command's module is imported inside its action,
// never at the top of a registration module: a command loads only what it uses, and
// `--help`, `--version` or `lint` never load the database, the web server or anything else
// they do not need. Add a command the same way:
//   .action(async (options) => (await import('../commands/noun-verb.ts')).nounVerb(options));

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

  registerServerCommands(program);
  registerUserCommands(program);
  registerIncidentCommands(program);
  registerImportExportCommands(program);
  registerInsightCommands(program);
  registerActionItemCommands(program);
  registerReviewCommands(program);
  registerMarkdownCommands(program);

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
  // Not a top-level await: `debrief lint` runs this module bundled as CommonJS (scripts/build.mjs).
  void runCli(process.argv);
}
