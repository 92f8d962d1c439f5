import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { DomainError } from '../domain/errors.ts';
import { isZip, openZipInput } from './open-zip-input.ts';
import { type OpenedInput, sampleBytes } from './opened-input.ts';

/** Files up to this size are handed over whole to converters that read text. */
const wholeTextMax = 64 * 1024 * 1024;

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

/** Streams a file's lines, refusing invalid UTF-8 with the line number. */
async function* readLines(
  path: string,
  fileName: string,
  onBytes: (bytes: number) => void,
): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let line = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch (cause) {
      throw unreadable(`${fileName}:${line + 1}`, 'not valid UTF-8 text', cause);
    }
    onBytes((chunk as Buffer).length);
    const parts = (rest + text).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      line += 1;
      yield part.endsWith('\r') ? part.slice(0, -1) : part;
    }
  }
  if (rest.length > 0) {
    yield rest;
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
  const headIndex = Math.max(
    paths.indexOf('channels.json'),
    paths.findIndex((p) => p.endsWith('.json')),
    0,
  );
  const headFile = files[headIndex];
  return {
    fileName,
    bytesTotal: sizes.reduce((a, b) => a + b, 0),
    sample: { fileName, head: headFile ? await readHead(headFile) : '', paths },
    inputFor: async (_converter, onBytes) => ({
      kind: 'files',
      fileName,
      files: (async function* () {
        for (const [i, file] of files.entries()) {
          const path = paths[i] ?? file;
          yield {
            path,
            read: async () => {
              const bytes = await readFile(file);
              onBytes(bytes.length);
              return decodeStrict(bytes, `${fileName}/${path}`);
            },
          };
        }
      })(),
    }),
  };
}

async function openFile(path: string, fileName: string, size: number): Promise<OpenedInput> {
  return {
    fileName,
    bytesTotal: size,
    sample: { fileName, head: await readHead(path) },
    inputFor: async (converter, onBytes) => {
      const wantsLines =
        converter.accepts.includes('lines') &&
        (!converter.accepts.includes('text') || size > wholeTextMax);
      if (wantsLines) {
        return { kind: 'lines', fileName, lines: readLines(path, fileName, onBytes) };
      }
      const readText = async () => {
        const bytes = await readFile(path);
        onBytes(bytes.length);
        return decodeStrict(bytes, fileName);
      };
      if (converter.accepts.includes('text')) {
        return { kind: 'text', fileName, text: await readText() };
      }
      return {
        kind: 'files',
        fileName,
        files: (async function* () {
          yield { path: fileName, read: readText };
        })(),
      };
    },
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
