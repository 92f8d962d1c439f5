import { DomainError } from '../../domain/errors.ts';
import type { ImportWarning } from '../imported-event.ts';
import { jsonArraySlices } from '../json/json-array-slices.ts';
import type {
  DetectionSample,
  ImportChunk,
  ImportInput,
  ImportOptions,
  SourceConverter,
} from '../source-converter.ts';
import { dayMessagesToEvents, newTally, tallyWarnings } from './slack-day-messages.ts';
import { parseExportJson } from './slack-directory.ts';
import {
  chooseChannels,
  dayFilePattern,
  indexExport,
  segments,
  slackExportPaths,
} from './slack-export-index.ts';
import { convertSlackText, detectSlackText } from './slack-text-input.ts';

/** Messages converted at a time: a slice takes a few milliseconds, a whole day file far more. */
const messagesPerChunk = 250;

/** A day file's messages, `messagesPerChunk` at a time; broken JSON or a non-list is refused. */
function* dayFileSlices(text: string, path: string): Generator<unknown[]> {
  const slices = jsonArraySlices(text, messagesPerChunk);
  if (!slices) {
    const json = parseExportJson(text, path);
    if (!Array.isArray(json)) {
      throw new DomainError('VALIDATION_FAILED', `${path} is not a list of messages`, {
        details: { errors: [{ path, code: 'invalid_type', message: 'expected an array' }] },
      });
    }
    for (let at = 0; at < json.length; at += messagesPerChunk) {
      yield json.slice(at, at + messagesPerChunk);
    }
    return;
  }
  const iterator = slices[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<unknown[]>;
    try {
      next = iterator.next();
    } catch {
      // JSON.parse's own error, raised by the same text parsed whole.
      parseExportJson(text, path);
      throw new Error(`${path}: the JSON slices and the whole text disagree`);
    }
    if (next.done) {
      return;
    }
    yield next.value;
  }
}

async function* convertExport(
  input: ImportInput,
  options: ImportOptions,
): AsyncIterable<ImportChunk> {
  if (input.kind === 'text') {
    yield* convertSlackText(input.text, input.fileName, options);
    return;
  }
  if (input.kind !== 'files') {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${input.fileName}: Slack input is an export (folder or .zip) or one JSON file`,
      {
        details: {
          errors: [{ path: input.fileName, code: 'unsupported_input', message: 'expected files' }],
        },
      },
    );
  }
  const index = await indexExport(input.files);
  if (index.dayFiles.length === 0 && !index.sawChannelList) {
    throw new DomainError('VALIDATION_FAILED', `${input.fileName} holds no Slack export`, {
      details: {
        errors: [
          {
            path: input.fileName,
            code: 'not_a_slack_export',
            message: 'no channels.json and no day files',
          },
        ],
      },
    });
  }
  const warnings: ImportWarning[] = [];
  if (!index.sawChannelList) {
    warnings.push({
      code: 'SLACK_CHANNELS_MISSING',
      message: 'No channels.json: channel folders are used as channel ids',
      where: input.fileName,
    });
  }
  const folders = [...new Set(index.dayFiles.map((day) => day.folder))];
  const chosen = chooseChannels(folders, index.channels, options.channels);
  const bots = new Map<string, string>();
  const tally = newTally();
  tally.warnings.push(...warnings);
  for (const { folder, file } of index.dayFiles) {
    const channel = chosen.get(folder);
    if (!channel) {
      continue;
    }
    // A day file holds thousands of messages; parsed and converted in slices, each handed on
    // before the next is read, so the importer can let other requests in between (see
    // yieldToEventLoop) instead of waiting for a whole day's parse and conversion.
    let at = 0;
    for (const messages of dayFileSlices(await file.read(), file.path)) {
      const events = dayMessagesToEvents(
        messages,
        { channel, users: index.users, bots, path: file.path, offset: at },
        options,
        tally,
      );
      at += messages.length;
      if (events.length > 0) {
        yield { events };
      }
    }
  }
  yield { events: [], warnings: tallyWarnings(tally, input.fileName) };
}

function detectExport(sample: DetectionSample): number {
  if (sample.paths === undefined) {
    return detectSlackText(sample);
  }
  const names = (sample.paths ?? []).map((path) => segments(path));
  const hasDirectory = names.some(
    (parts) =>
      parts.length <= 2 && ['channels.json', 'users.json'].includes(parts[parts.length - 1] ?? ''),
  );
  const hasDayFiles = names.some(
    (parts) => parts.length >= 2 && dayFilePattern.test(parts[parts.length - 1] ?? ''),
  );
  if (hasDirectory && hasDayFiles) {
    return 0.95;
  }
  if (hasDayFiles && /"ts"\s*:\s*"\d+\.\d+"/.test(sample.head)) {
    return 0.7;
  }
  return hasDirectory ? 0.3 : 0;
}

/**
 * A Slack workspace export (its folder, or a .zip unpacked by the rim into the same stream of
 * files): chosen channels, a time window, threads, edits, bot alerts, shared files by name.
 * Also one JSON text: a day file on its own, or an Events API `event_callback` envelope.
 */
export const slackConverter: SourceConverter = {
  source: 'slack',
  accepts: ['files', 'text'],
  detect: detectExport,
  claims: slackExportPaths,
  convert: convertExport,
};
