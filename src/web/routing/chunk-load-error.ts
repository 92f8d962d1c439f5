/**
 * A part of the app's code could not be downloaded: the network failed, or the server was
 * updated since the page was opened and no longer has the files this page was built with.
 * Reloading the page fetches the current ones.
 */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';

  constructor(cause: unknown) {
    super('A part of the app could not be loaded', { cause });
  }
}

/** Wraps a dynamic import so that its failure is a `ChunkLoadError` (for the error boundary). */
export function loadChunk<T>(importing: Promise<T>): Promise<T> {
  return importing.catch((cause: unknown) => {
    throw new ChunkLoadError(cause);
  });
}
