import type { Entry } from 'yauzl';
import { DomainError } from '../domain/errors.ts';

/** A refused zip: VALIDATION_FAILED naming the zip and, when known, the entry. */
export function refused(
  zipName: string,
  reason: string,
  entry?: string,
  cause?: unknown,
): DomainError {
  const where = entry ? `${zipName}: ${entry}` : zipName;
  return new DomainError('VALIDATION_FAILED', `${where}: ${reason}`, {
    cause,
    details: {
      errors: [{ path: entry ?? zipName, code: 'invalid_zip', message: reason }],
      zip: zipName,
      entry,
    },
  });
}

/** Why an entry path could leave the extraction folder, if it could. */
export function unsafePath(name: string): string | undefined {
  if (name.includes('\\') || name.includes('\0')) {
    return 'path with a backslash or NUL';
  }
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    return 'absolute path';
  }
  if (name.split('/').some((part) => part === '..')) {
    return 'path leaving the archive (..)';
  }
  return undefined;
}

/** True for an entry a Unix zip tool stored as a symbolic link. */
export function isSymlink(entry: Entry): boolean {
  const madeBy = (entry.versionMadeBy >> 8) & 0xff;
  const unixMode = (entry.externalFileAttributes >>> 16) & 0o170000;
  return madeBy === 3 && unixMode === 0o120000;
}
