import { DomainError } from '../../domain/errors.ts';

/** A channel of the export: its id (the identity) and its name (the folder). */
export interface SlackChannel {
  id: string;
  name: string;
}

/** Parses one export JSON file; a broken file is a VALIDATION_FAILED naming it. */
export function parseExportJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', `${path} is not valid JSON`, {
      cause: error,
      details: { errors: [{ path, code: 'invalid_json', message: 'not valid JSON' }] },
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: Record<string, unknown>, key: string): string | undefined {
  const field = value[key];
  return typeof field === 'string' && field.trim() !== '' ? field : undefined;
}

/** Reads `channels.json` / `groups.json`: entries without an id and a name are skipped. */
export function readChannels(json: unknown, path: string): SlackChannel[] {
  if (!Array.isArray(json)) {
    throw new DomainError('VALIDATION_FAILED', `${path} is not a list of channels`, {
      details: { errors: [{ path, code: 'invalid_type', message: 'expected an array' }] },
    });
  }
  const channels: SlackChannel[] = [];
  for (const entry of json) {
    if (isRecord(entry)) {
      const id = stringField(entry, 'id');
      const name = stringField(entry, 'name') ?? id;
      if (id && name) {
        channels.push({ id, name });
      }
    }
  }
  return channels;
}

/** Reads `users.json` into id → the name people know: real name, else display name, else handle. */
export function readUsers(json: unknown, path: string): Map<string, string> {
  if (!Array.isArray(json)) {
    throw new DomainError('VALIDATION_FAILED', `${path} is not a list of users`, {
      details: { errors: [{ path, code: 'invalid_type', message: 'expected an array' }] },
    });
  }
  const users = new Map<string, string>();
  for (const entry of json) {
    if (!isRecord(entry)) {
      continue;
    }
    const id = stringField(entry, 'id');
    const profile = isRecord(entry.profile) ? entry.profile : {};
    const name =
      stringField(entry, 'real_name') ??
      stringField(profile, 'real_name') ??
      stringField(profile, 'display_name') ??
      stringField(entry, 'name');
    if (id && name) {
      users.set(id, name);
    }
  }
  return users;
}
