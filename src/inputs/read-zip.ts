import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { isSymlink, refused, unsafePath } from './zip-safety.ts';

/** How much a zip may hold before it is refused as a bomb or an abuse. */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of the uncompressed sizes, declared and actually inflated. */
  maxTotalBytes: number;
  /** One entry's uncompressed size (it is read into one string). */
  maxEntryBytes: number;
  /** Uncompressed ÷ compressed, for entries above `ratioCheckFromBytes`. */
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
}

/** Generous for a real Slack export (JSON compresses ~10×), tight for a bomb (~1000×). */
export const defaultZipLimits: ZipLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 256 * 1024 ** 2,
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 1024 ** 2,
};

/** An opened zip: its files as the converters' `files` stream, and `close` for the rim. */
export interface OpenedZip {
  files: AsyncIterable<{ path: string; read: () => Promise<string> }>;
  close: () => void;
}

function openArchive(source: string | Buffer, zipName: string): Promise<ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: ZipFile) => {
      if (error || !zip) {
        reject(
          refused(
            zipName,
            `not a readable zip (${error?.message ?? 'unknown error'})`,
            undefined,
            error,
          ),
        );
      } else {
        resolve(zip);
      }
    };
    if (typeof source === 'string') {
      yauzl.open(source, options, done);
    } else {
      yauzl.fromBuffer(source, options, done);
    }
  });
}

/**
 * Opens a zip (a path or its bytes) as a stream of files, refusing what could harm the host:
 * paths leaving the archive (`../`, absolute, drive letters), symlinks, too many entries, and
 * bombs: the declared sizes and ratios are checked before inflating, the inflated bytes again
 * while streaming (declarations can lie). A truncated or corrupt zip, an entry that is not
 * UTF-8: VALIDATION_FAILED naming the zip and the entry. Directories are skipped.
 */
export async function openZip(
  source: string | Buffer,
  options: { name?: string; limits?: Partial<ZipLimits> } = {},
): Promise<OpenedZip> {
  const zipName = options.name ?? (typeof source === 'string' ? basename(source) : 'upload.zip');
  const limits = { ...defaultZipLimits, ...options.limits };
  const zip = await openArchive(source, zipName);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refused(
      zipName,
      `${zip.entryCount} entries, more than the limit of ${limits.maxEntries}`,
    );
  }
  let inflatedTotal = 0;

  const nextEntry = () =>
    new Promise<Entry | undefined>((resolve, reject) => {
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      const onEntry = (entry: Entry) => {
        cleanup();
        resolve(entry);
      };
      const onEnd = () => {
        cleanup();
        resolve(undefined);
      };
      const onError = (error: Error) => {
        cleanup();
        const named =
          /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(
            error.message,
          );
        reject(refused(zipName, `corrupt or unsafe zip (${error.message})`, named?.[1], error));
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });

  const readEntry = (entry: Entry) =>
    new Promise<string>((resolve, reject) => {
      zip.openReadStream(entry, (error, stream?: Readable) => {
        if (error || !stream) {
          reject(
            refused(
              zipName,
              `unreadable entry (${error?.message ?? 'no data'})`,
              entry.fileName,
              error,
            ),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const fail = (reason: string, cause?: unknown) => {
          stream.destroy();
          reject(refused(zipName, reason, entry.fileName, cause));
        };
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          inflatedTotal += chunk.length;
          if (size > limits.maxEntryBytes || inflatedTotal > limits.maxTotalBytes) {
            fail('inflates beyond the size limit (zip bomb?)');
          } else if (
            size > limits.ratioCheckFromBytes &&
            size / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio
          ) {
            fail('inflates beyond the compression ratio limit (zip bomb?)');
          } else {
            chunks.push(chunk);
          }
        });
        stream.on('error', (cause: Error) => fail(`corrupt entry (${cause.message})`, cause));
        stream.on('end', () => {
          try {
            resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
          } catch (cause) {
            reject(refused(zipName, 'not valid UTF-8 text', entry.fileName, cause));
          }
        });
      });
    });

  async function* files() {
    let declaredTotal = 0;
    let count = 0;
    for (let entry = await nextEntry(); entry; entry = await nextEntry()) {
      const name = entry.fileName;
      const unsafe = unsafePath(name);
      if (unsafe) {
        throw refused(zipName, unsafe, name);
      }
      if (isSymlink(entry)) {
        throw refused(zipName, 'symbolic link', name);
      }
      count += 1;
      if (count > limits.maxEntries) {
        throw refused(zipName, `more than ${limits.maxEntries} entries`);
      }
      if (name.endsWith('/')) {
        continue;
      }
      declaredTotal += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxEntryBytes || declaredTotal > limits.maxTotalBytes) {
        throw refused(zipName, 'declared size beyond the limit (zip bomb?)', name);
      }
      if (
        entry.uncompressedSize > limits.ratioCheckFromBytes &&
        entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio
      ) {
        throw refused(zipName, 'declared compression ratio beyond the limit (zip bomb?)', name);
      }
      const current = entry;
      yield { path: name, read: () => readEntry(current) };
    }
  }

  return { files: files(), close: () => zip.close() };
}

/**
 * The file paths of a zip (directories left out), for the detection sample, with the same
 * refusals as `openZip`; nothing is inflated.
 */
export async function listZipPaths(
  source: string | Buffer,
  options: { name?: string; limits?: Partial<ZipLimits> } = {},
): Promise<string[]> {
  const zip = await openZip(source, options);
  try {
    const paths: string[] = [];
    for await (const file of zip.files) {
      paths.push(file.path);
    }
    return paths;
  } finally {
    zip.close();
  }
}
