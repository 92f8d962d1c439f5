import { DomainError } from '../../domain/errors.ts';
import type { ImportWarning } from '../imported-event.ts';

const listed = 5;

/** What the log converter counted besides events: skipped and unreadable lines. */
export class LogStats {
  parsed = 0;
  belowLevel = 0;
  outsideWindow = 0;
  continuation = 0;
  unparseable = 0;
  readonly firstUnparseable: number[] = [];
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  /** Counts a line that gave no record. */
  problem(kind: 'unparseable' | 'continuation', lineNo: number): void {
    if (kind === 'continuation') {
      this.continuation += 1;
      return;
    }
    this.unparseable += 1;
    if (this.firstUnparseable.length < listed) {
      this.firstUnparseable.push(lineNo);
    }
  }

  /** Throws VALIDATION_FAILED when not one line could be read (not a log, or not this format). */
  assertReadable(): void {
    if (this.parsed > 0) {
      return;
    }
    const errors = (this.firstUnparseable.length > 0 ? this.firstUnparseable : [1]).map((line) => ({
      path: `${this.#file}:${line}`,
      code: 'LOG_LINE_UNPARSEABLE',
      message: 'No timestamp could be read from this line',
    }));
    throw new DomainError(
      'VALIDATION_FAILED',
      `${this.#file}: no log line with a readable timestamp`,
      {
        details: { errors },
      },
    );
  }

  /** Summary warnings: unreadable lines (the first few listed), skipped lines by reason. */
  warnings(): ImportWarning[] {
    const warnings: ImportWarning[] = this.firstUnparseable.map((line) => ({
      code: 'LOG_LINE_UNPARSEABLE',
      message: 'No timestamp could be read from this line; skipped',
      where: `${this.#file}:${line}`,
    }));
    const counts: Array<[string, number, string]> = [
      ['LOG_LINES_UNPARSEABLE', this.unparseable, 'lines without a readable timestamp skipped'],
      ['LOG_LINES_CONTINUATION', this.continuation, 'continuation lines (stack traces) skipped'],
      [
        'LOG_LINES_BELOW_LEVEL',
        this.belowLevel,
        'lines below warning level with no sign of trouble skipped',
      ],
      ['LOG_LINES_OUTSIDE_WINDOW', this.outsideWindow, 'lines outside the incident window skipped'],
    ];
    for (const [code, count, what] of counts) {
      if (count > 0) {
        warnings.push({ code, message: `${count} ${what}`, where: this.#file });
      }
    }
    return warnings;
  }
}
