import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { DomainError } from '../domain/errors.ts';
import { isZip, openZipInput } from './open-zip-input.ts';
import { type OpenedInput, sampleBytes, singleFileInput } from './opened-input.ts';

/** A bad input file: VALIDATION_FAILED naming the file (and line). */
export function unreadable(where: string, message: string, cause?: unknown): DomainError {
  return new DomainError('VALIDATION_FAILED', `${where}: ${message}`, {
    cause,
    details: { errors: [{ path: where, code: 'unreadable_input', message }] },
  });
}

function decodeStrict(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw unreadable(where, 'not valid UTF-8 text', cause);
  }
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await handle.read(buffer, 0, sampleBytes, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of a file read at a time for its lines: Node's default for file streams. Chunks of
 * 256 KB cost ~15 % more CPU per byte (a chunk, its text and its lines no longer stay in a
 * core's cache) and, on a busy machine, 2–3× the wall time: the import then ran in longer
 * stretches without waiting, which the scheduler serves last.
 */
export const lineChunkBytes = 64 * 1024;

/**
 * Streams a file's lines, one batch per chunk read (a line split across chunks goes with the
 * later one), refusing invalid UTF-8 with the line number. Batches, not single lines: an async
 * step per line cost as much as parsing it.
 */
async function* readLines(
  path: string,
  fileName: string,
  onBytes: (bytes: number) => void,
): AsyncIterable<readonly string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let line = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: lineChunkBytes })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch (cause) {
      throw unreadable(`${fileName}:${line + 1}`, 'not valid UTF-8 text', cause);
    }
    onBytes((chunk as Buffer).length);
    const parts = (rest + text).split('\n');
    rest = parts.pop() ?? '';
    for (let at = 0; at < parts.length; at += 1) {
      const part = parts[at] as string;
      if (part.charCodeAt(part.length - 1) === 13) {
        parts[at] = part.slice(0, -1);
      }
    }
    line += parts.length;
    if (parts.length > 0) {
      yield parts;
    }
  }
  // The decoder holds back the bytes of a character not yet complete; at the end of the file
  // they can only be a character cut short, which the whole-text read refuses too.
  try {
    rest += decoder.decode();
  } catch (cause) {
    throw unreadable(`${fileName}:${line + 1}`, 'not valid UTF-8 text', cause);
  }
  if (rest.length > 0) {
    yield [rest];
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function openFolder(dir: string, fileName: string): Promise<OpenedInput> {
  const files = await listFiles(dir);
  const paths = files.map((f) => relative(dir, f).split(sep).join('/'));
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const sizeOf = new Map(paths.map((path, i) => [path, sizes[i] ?? 0]));
  const headIndex = Math.max(
    paths.indexOf('channels.json'),
    paths.findIndex((p) => p.endsWith('.json')),
    0,
  );
  const headFile = files[headIndex];
  const filesInput = (wanted: readonly string[], onBytes: (bytes: number) => void) => ({
    kind: 'files' as const,
    fileName,
    files: (async function* () {
      for (const path of wanted) {
        yield {
          path,
          read: async () => {
            const bytes = await readFile(join(dir, path));
            onBytes(bytes.length);
            return decodeStrict(bytes, `${fileName}/${path}`);
          },
        };
      }
    })(),
  });
  return {
    fileName,
    bytesTotal: sizes.reduce((a, b) => a + b, 0),
    sample: { fileName, head: headFile ? await readHead(headFile) : '', paths },
    inputFor: async (_converter, onBytes) => filesInput(paths, onBytes),
    folder: {
      paths,
      headsOf: async (wanted) =>
        new Map(
          await Promise.all(
            wanted.map(async (path) => [path, await readHead(join(dir, path))] as const),
          ),
        ),
      inputFor: async (converter, wanted, onBytes) => {
        const [only] = wanted;
        if (wanted.length !== 1 || only === undefined) {
          return filesInput(wanted, onBytes);
        }
        return openFile(join(dir, only), `${fileName}/${only}`, sizeOf.get(only) ?? 0).then(
          (opened) => opened.inputFor(converter, onBytes),
        );
      },
    },
  };
}

async function openFile(path: string, fileName: string, size: number): Promise<OpenedInput> {
  return {
    fileName,
    bytesTotal: size,
    sample: { fileName, head: await readHead(path) },
    inputFor: (converter, onBytes) =>
      singleFileInput(converter, {
        fileName,
        size,
        readLines: () => readLines(path, fileName, onBytes),
        readText: async () => {
          const bytes = await readFile(path);
          onBytes(bytes.length);
          return decodeStrict(bytes, fileName);
        },
      }),
  };
}

/**
 * Opens what a person points an import at: a file, a folder (a Slack export unzipped) or a
 * zip. A missing path is VALIDATION_FAILED naming it.
 */
export async function openImportInput(path: string, displayName?: string): Promise<OpenedInput> {
  const fileName = displayName ?? basename(path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (cause) {
    throw unreadable(fileName, 'no such file or folder', cause);
  }
  if (info.isDirectory()) {
    return openFolder(path, fileName);
  }
  if (await isZip(path, info.size)) {
    return openZipInput(path, fileName, info.size);
  }
  return openFile(path, fileName, info.size);
}
