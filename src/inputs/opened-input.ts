import type {
  DetectionSample,
  ImportInput,
  SourceConverter,
} from '../importers/source-converter.ts';

/** How much of a file the detection sample holds. */
export const sampleBytes = 16 * 1024;

/** A file, folder or zip opened for import: its detection sample and the converter's input. */
export interface OpenedInput {
  fileName: string;
  bytesTotal: number;
  sample: DetectionSample;
  /** Builds the converter's input; `onBytes` is told how many bytes each step read. */
  inputFor(converter: SourceConverter, onBytes: (bytes: number) => void): Promise<ImportInput>;
  /** Frees what `inputFor` opened (a zip's file handle); call once the import has ended. */
  release?: () => void;
}
