import type {
  DetectionSample,
  ImportInput,
  SourceConverter,
} from '../importers/source-converter.ts';

/** How much of a file the detection sample holds. */
export const sampleBytes = 16 * 1024;

/** The files of a folder or zip, one by one: for detecting each file and importing some of them. */
export interface FolderAccess {
  /** Every file, as a `/`-separated path relative to the folder or the zip's root. */
  paths: string[];
  /** The first bytes (up to `sampleBytes`) of each path asked for. */
  headsOf(paths: readonly string[]): Promise<Map<string, string>>;
  /**
   * The converter's input over some of the files: one file as text (or lines), several as a
   * stream of files. `onBytes` is told how many bytes each step read.
   */
  inputFor(
    converter: SourceConverter,
    paths: readonly string[],
    onBytes: (bytes: number) => void,
  ): Promise<ImportInput>;
}

/** A file, folder or zip opened for import: its detection sample and the converter's input. */
export interface OpenedInput {
  fileName: string;
  bytesTotal: number;
  sample: DetectionSample;
  /** Builds the converter's input; `onBytes` is told how many bytes each step read. */
  inputFor(converter: SourceConverter, onBytes: (bytes: number) => void): Promise<ImportInput>;
  /** Frees what `inputFor` opened (a zip's file handle); call once the import has ended. */
  release?: () => void;
  /** For a folder or zip: its files one by one (a mixed folder is detected file by file). */
  folder?: FolderAccess;
}

/** Files up to this size are handed over whole to converters that read text. */
const wholeTextMax = 64 * 1024 * 1024;

/**
 * One file as a converter reads it: whole text when it takes text (and the file is not huge),
 * else a stream of lines; for a converter of whole folders, a stream of this one file.
 */
export async function singleFileInput(
  converter: SourceConverter,
  file: {
    fileName: string;
    size: number;
    readText: () => Promise<string>;
    readLines: () => AsyncIterable<string | readonly string[]>;
  },
): Promise<ImportInput> {
  const { fileName } = file;
  const wantsLines =
    converter.accepts.includes('lines') &&
    (!converter.accepts.includes('text') || file.size > wholeTextMax);
  if (wantsLines) {
    return { kind: 'lines', fileName, lines: file.readLines() };
  }
  if (converter.accepts.includes('text')) {
    return { kind: 'text', fileName, text: await file.readText() };
  }
  return {
    kind: 'files',
    fileName,
    files: (async function* () {
      yield { path: fileName, read: file.readText };
    })(),
  };
}
