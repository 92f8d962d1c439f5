import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ImportInput } from '../importers/source-converter.ts';
import { type OpenedInput, sampleBytes, singleFileInput } from './opened-input.ts';
import { listZipPaths, openZip } from './read-zip.ts';

function samplePath(paths: string[]): string | undefined {
  return (
    paths.find((p) => p === 'channels.json' || p.endsWith('/channels.json')) ??
    paths.find((p) => p.endsWith('.json'))
  );
}

/** True for a `.zip` name or the zip magic bytes. */
export async function isZip(path: string, size: number): Promise<boolean> {
  if (extname(path).toLowerCase() === '.zip') {
    return true;
  }
  if (size < 4) {
    return false;
  }
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(4);
    await handle.read(magic, 0, 4, 0);
    return magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    await handle.close();
  }
}

/** A zip (a Slack export as Slack produces it), read entry by entry with its safety limits. */
export async function openZipInput(
  path: string,
  fileName: string,
  size: number,
): Promise<OpenedInput> {
  const paths = await listZipPaths(path, { name: fileName });
  const wanted = samplePath(paths);
  let head = '';
  if (wanted) {
    const zip = await openZip(path, { name: fileName });
    try {
      for await (const file of zip.files) {
        if (file.path === wanted) {
          head = (await file.read()).slice(0, sampleBytes);
          break;
        }
      }
    } finally {
      zip.close();
    }
  }
  const opened: Array<{ close: () => void }> = [];
  /** The zip's files, or some of them, as a stream; the zip stays open until `release`. */
  const filesInput = async (
    wanted: ReadonlySet<string> | undefined,
    onBytes: (bytes: number) => void,
  ): Promise<ImportInput> => {
    const zip = await openZip(path, { name: fileName });
    // Converters may keep `read` functions past the iteration, so the zip stays open until
    // the import has ended (release).
    opened.push(zip);
    return {
      kind: 'files',
      fileName,
      files: (async function* () {
        for await (const file of zip.files) {
          if (wanted && !wanted.has(file.path)) {
            continue;
          }
          yield {
            path: file.path,
            read: async () => {
              const text = await file.read();
              // Progress counts compressed bytes: about the share of the upload read so far.
              onBytes(Math.ceil(Buffer.byteLength(text) / 10));
              return text;
            },
          };
        }
      })(),
    };
  };
  /** Reads the wanted entries whole, in one pass over the zip. */
  const readEntries = async (wanted: ReadonlySet<string>): Promise<Map<string, string>> => {
    const texts = new Map<string, string>();
    const zip = await openZip(path, { name: fileName });
    try {
      for await (const file of zip.files) {
        if (wanted.has(file.path)) {
          texts.set(file.path, await file.read());
        }
      }
    } finally {
      zip.close();
    }
    return texts;
  };
  return {
    fileName,
    bytesTotal: size,
    sample: { fileName, head, paths },
    release: () => {
      for (const zip of opened.splice(0)) {
        zip.close();
      }
    },
    inputFor: (_converter, onBytes) => filesInput(undefined, onBytes),
    folder: {
      paths,
      headsOf: async (wanted) => {
        const texts = await readEntries(new Set(wanted));
        return new Map([...texts].map(([entry, text]) => [entry, text.slice(0, sampleBytes)]));
      },
      inputFor: async (converter, wanted, onBytes) => {
        const [only] = wanted;
        if (wanted.length !== 1 || only === undefined) {
          return filesInput(new Set(wanted), onBytes);
        }
        const text = (await readEntries(new Set([only]))).get(only) ?? '';
        onBytes(Math.ceil(Buffer.byteLength(text) / 10));
        return singleFileInput(converter, {
          fileName: `${fileName}/${only}`,
          size: text.length,
          readText: async () => text,
          readLines: async function* () {
            yield text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
          },
        });
      },
    },
  };
}
