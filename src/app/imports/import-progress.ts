/** How far a running import has got; kept in memory because its transaction is not yet visible. */
export interface ImportProgress {
  bytesDone: number;
  eventsProposed: number;
  duplicatesSkipped: number;
}

const progress = new Map<string, ImportProgress>();
const running = new Set<Promise<unknown>>();

/** Progress of the imports running in this process, by job id. */
export const importProgress = {
  get: (jobId: string): ImportProgress | undefined => progress.get(jobId),
  set: (jobId: string, value: ImportProgress): void => {
    progress.set(jobId, value);
  },
  clear: (jobId: string): void => {
    progress.delete(jobId);
  },
};

/** Remembers a background import so that shutting down can wait for it. */
export function trackImport(work: Promise<unknown>): void {
  running.add(work);
  work.finally(() => running.delete(work)).catch(() => undefined);
}

/** Resolves when every background import of this process has ended (server close, tests). */
export async function settleImports(): Promise<void> {
  while (running.size > 0) {
    await Promise.allSettled([...running]);
  }
}
