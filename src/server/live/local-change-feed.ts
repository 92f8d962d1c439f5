import type { ChangeFeed, FeedMessage } from '../../storage/change-feed.ts';

/**
 * A change feed that hears only what this process publishes: presence on one instance, no
 * database changes. For a server built without a database feed (in-process tests).
 */
export function localChangeFeed(): ChangeFeed {
  const listeners = new Set<(message: FeedMessage) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async publish(channel, payload) {
      for (const listener of listeners) {
        listener({ kind: 'notification', channel, payload });
      }
    },
    async close() {
      listeners.clear();
    },
  };
}
