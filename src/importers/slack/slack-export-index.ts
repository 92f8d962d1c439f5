import { DomainError } from '../../domain/errors.ts';
import { parseExportJson, readChannels, readUsers, type SlackChannel } from './slack-directory.ts';

/** One file of an export as the rim hands it over. */
export type ExportFile = { path: string; read: () => Promise<string> };

/** A day file: `YYYY-MM-DD.json`, named by the workspace-local date. */
export const dayFilePattern = /^\d{4}-\d{2}-\d{2}\.json$/;
const channelListFiles = new Set(['channels.json', 'groups.json', 'mpims.json', 'dms.json']);

/** A path split into its folders and file name. */
export function segments(path: string): string[] {
  return path.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
}

function unknownChannel(name: string, known: string[]): DomainError {
  return new DomainError(
    'VALIDATION_FAILED',
    `Unknown Slack channel "${name}"; known: ${known.join(', ')}`,
    {
      details: {
        errors: [
          {
            path: 'channels',
            code: 'unknown_channel',
            message: `no channel "${name}" in the export`,
          },
        ],
        channel: name,
        knownChannels: known,
      },
    },
  );
}

/**
 * The paths of a folder that belong to a Slack export: its channel lists and `users.json` (at
 * the top, or one folder down when the export was zipped with its folder) and the day files.
 * Anything else beside them (alert bodies, logs) is another source's.
 */
export function slackExportPaths(paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const parts = segments(path);
    const base = parts[parts.length - 1] ?? '';
    return (
      ((channelListFiles.has(base) || base === 'users.json') && parts.length <= 2) ||
      (parts.length >= 2 && dayFilePattern.test(base))
    );
  });
}

/** Sorts the export's files into the directory (channels, users) and day files per folder. */
export async function indexExport(files: AsyncIterable<ExportFile>) {
  const channels: SlackChannel[] = [];
  let users = new Map<string, string>();
  let sawChannelList = false;
  const dayFiles: Array<{ folder: string; file: ExportFile }> = [];
  for await (const file of files) {
    const parts = segments(file.path);
    const base = parts[parts.length - 1] ?? '';
    const folder = parts[parts.length - 2];
    if (channelListFiles.has(base) && parts.length <= 2) {
      sawChannelList = true;
      channels.push(...readChannels(parseExportJson(await file.read(), file.path), file.path));
    } else if (base === 'users.json' && parts.length <= 2) {
      users = readUsers(parseExportJson(await file.read(), file.path), file.path);
    } else if (folder && dayFilePattern.test(base)) {
      dayFiles.push({ folder, file });
    }
  }
  dayFiles.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
  return { channels, users, sawChannelList, dayFiles };
}

/**
 * The channels to read, by folder: all of them, or the ones asked for (by name or id). An
 * unknown channel is a VALIDATION_FAILED naming it and listing the known ones.
 */
export function chooseChannels(
  folders: string[],
  listed: SlackChannel[],
  wanted: string[] | undefined,
): Map<string, SlackChannel> {
  const byFolder = new Map<string, SlackChannel>();
  for (const folder of folders) {
    byFolder.set(
      folder,
      listed.find((channel) => channel.name === folder) ?? { id: folder, name: folder },
    );
  }
  if (!wanted || wanted.length === 0) {
    return byFolder;
  }
  const known = [...new Set([...listed.map((channel) => channel.name), ...folders])].sort();
  const chosen = new Map<string, SlackChannel>();
  for (const raw of wanted) {
    const name = raw.replace(/^#/, '');
    const channel = listed.find((c) => c.name === name || c.id === name) ?? byFolder.get(name);
    if (!channel) {
      throw unknownChannel(name, known);
    }
    if (byFolder.has(channel.name)) {
      chosen.set(channel.name, channel);
    }
  }
  return chosen;
}
