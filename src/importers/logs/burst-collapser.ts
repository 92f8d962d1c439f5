import type { ReadTimestamp } from './log-timestamp.ts';

/** Similar lines close together in time: one timeline event. */
export interface Burst {
  key: string;
  template: string;
  level: string;
  logger: string;
  count: number;
  firstMs: number;
  lastMs: number;
  /** The first line: its timestamp as read, its message, and where it is. */
  first: ReadTimestamp;
  sample: string;
  firstRef: string;
  lastRef: string;
}

/** One notable line handed to the collapser. */
export interface BurstLine {
  template: string;
  level: string;
  logger: string;
  at: ReadTimestamp;
  message: string;
  ref: string;
}

/**
 * Groups similar lines (same template, level and logger) that follow each other within `gapMs`.
 * Only open bursts are held, at most `maxOpen` of them, in least-recently-touched order: a burst
 * whose gap has passed, or the stalest one when the cap is reached, is closed and returned.
 * Memory is therefore bounded by `maxOpen`, whatever the input size.
 */
export class BurstCollapser {
  readonly #open = new Map<string, Burst>();
  readonly #gapMs: number;
  readonly #maxOpen: number;

  constructor(options: { gapMs: number; maxOpen: number }) {
    this.#gapMs = options.gapMs;
    this.#maxOpen = options.maxOpen;
  }

  /** How many bursts are open now. */
  get openCount(): number {
    return this.#open.size;
  }

  /** Adds a line; returns the bursts it closed (their gap passed, or the cap evicted them). */
  add(line: BurstLine): Burst[] {
    const closed: Burst[] = [];
    const ms = line.at.ms;
    for (const burst of this.#open.values()) {
      if (burst.lastMs + this.#gapMs >= ms) {
        break;
      }
      closed.push(burst);
      this.#open.delete(burst.key);
    }
    const key = `${line.level}\u0000${line.logger}\u0000${line.template}`;
    const burst = this.#open.get(key);
    if (burst && Math.abs(ms - burst.lastMs) <= this.#gapMs) {
      this.#open.delete(key);
      burst.count += 1;
      burst.lastMs = Math.max(burst.lastMs, ms);
      burst.lastRef = line.ref;
      this.#open.set(key, burst);
      return closed;
    }
    if (burst) {
      closed.push(burst);
      this.#open.delete(key);
    }
    this.#open.set(key, {
      key,
      template: line.template,
      level: line.level,
      logger: line.logger,
      count: 1,
      firstMs: ms,
      lastMs: ms,
      first: line.at,
      sample: line.message,
      firstRef: line.ref,
      lastRef: line.ref,
    });
    if (this.#open.size > this.#maxOpen) {
      const stalest = this.#open.values().next().value;
      if (stalest) {
        closed.push(stalest);
        this.#open.delete(stalest.key);
      }
    }
    return closed;
  }

  /** Closes and returns every open burst (end of input). */
  flush(): Burst[] {
    const closed = [...this.#open.values()];
    this.#open.clear();
    return closed;
  }
}
