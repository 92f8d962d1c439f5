import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop serve what is waiting (a health check, another request) before long work
 * goes on. Awaiting an embedded database's query is not enough: PGlite answers on the same
 * thread, so a loop of awaited queries can hold the event loop for as long as it runs.
 */
export function yieldToEventLoop(): Promise<void> {
  return setImmediate();
}
