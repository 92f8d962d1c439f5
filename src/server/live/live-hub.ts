import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/user.ts';
import type { ChangeFeed, FeedMessage } from '../../storage/change-feed.ts';

/** One open event stream: a person viewing one postmortem. */
export interface LiveConnection {
  id: string;
  postmortemId: string;
  actor: Actor;
  name: string;
  send(event: string, data: unknown): void;
  close(): void;
}

/** A viewer as others see them: who, not where from. */
export interface Viewer {
  userId: string;
  name: string;
}

interface PresenceMessage {
  instance: string;
  postmortemId: string;
  viewers: Viewer[];
}

/** The hub's settings; tests shorten the intervals. */
export interface LiveHubOptions {
  /** True when the actor may still read the postmortem (its read rule, in SQL). */
  mayRead: (actor: Actor, postmortemId: string) => Promise<boolean>;
  heartbeatMs?: number;
  /** Another instance's viewers are forgotten when it has been silent this long. */
  presenceTtlMs?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Fans database change notifications out to the event streams of the people viewing each
 * postmortem, and keeps track of who views what across instances. A change carries the
 * postmortem's id, revision and version only; before sending it, the hub checks the viewer may
 * still read the postmortem and closes the stream of someone who no longer may (a review
 * restricted while they watched). Presence is each instance's own viewer list per postmortem,
 * broadcast on change and on a heartbeat, and merged here.
 */
export class LiveHub {
  private readonly instance = randomUUID();
  private readonly local = new Map<string, Set<LiveConnection>>();
  private readonly remote = new Map<string, { at: number; viewers: Viewer[] }>();
  private readonly stopFeed: () => void;
  private readonly timer: NodeJS.Timeout;
  private readonly ttl: number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: LiveHubOptions,
  ) {
    this.ttl = options.presenceTtlMs ?? 30_000;
    this.stopFeed = feed.subscribe((message) => void this.onMessage(message));
    this.timer = setInterval(() => void this.heartbeat(), options.heartbeatMs ?? 10_000);
    this.timer.unref();
  }

  /** Starts delivering to a stream; returns what to call when it closes. */
  attach(connection: Omit<LiveConnection, 'id'>): () => void {
    const full: LiveConnection = { ...connection, id: randomUUID() };
    const set = this.local.get(full.postmortemId) ?? new Set();
    set.add(full);
    this.local.set(full.postmortemId, set);
    void this.presenceChanged(full.postmortemId);
    return () => {
      set.delete(full);
      if (set.size === 0) {
        this.local.delete(full.postmortemId);
      }
      void this.presenceChanged(full.postmortemId);
    };
  }

  /** Everyone viewing the postmortem, on every instance, each person once. */
  viewers(postmortemId: string): Viewer[] {
    const now = Date.now();
    const byId = new Map<string, Viewer>();
    for (const connection of this.local.get(postmortemId) ?? []) {
      byId.set(connection.actor.id, { userId: connection.actor.id, name: connection.name });
    }
    for (const [key, entry] of this.remote) {
      if (key.endsWith(`|${postmortemId}`) && now - entry.at <= this.ttl) {
        for (const viewer of entry.viewers) {
          byId.set(viewer.userId, viewer);
        }
      }
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.stopFeed();
    for (const set of this.local.values()) {
      for (const connection of set) {
        connection.close();
      }
    }
    this.local.clear();
  }

  private localViewers(postmortemId: string): Viewer[] {
    const byId = new Map<string, Viewer>();
    for (const c of this.local.get(postmortemId) ?? []) {
      byId.set(c.actor.id, { userId: c.actor.id, name: c.name });
    }
    return [...byId.values()];
  }

  private async presenceChanged(postmortemId: string): Promise<void> {
    const message: PresenceMessage = {
      instance: this.instance,
      postmortemId,
      viewers: this.localViewers(postmortemId),
    };
    this.sendPresence(postmortemId);
    await this.feed.publish('debrief_presence', JSON.stringify(message)).catch(() => {});
  }

  private sendPresence(postmortemId: string): void {
    const viewers = this.viewers(postmortemId);
    for (const connection of this.local.get(postmortemId) ?? []) {
      connection.send('presence', { postmortemId, viewers });
    }
  }

  private async heartbeat(): Promise<void> {
    const now = Date.now();
    const expired = new Set<string>();
    for (const [key, entry] of this.remote) {
      if (now - entry.at > this.ttl) {
        this.remote.delete(key);
        expired.add(key.slice(key.indexOf('|') + 1));
      }
    }
    for (const postmortemId of expired) {
      this.sendPresence(postmortemId);
    }
    for (const [postmortemId, set] of this.local) {
      // Access can change without the postmortem row changing (its incident restricted).
      for (const connection of set) {
        if (!(await this.options.mayRead(connection.actor, postmortemId))) {
          connection.close();
        }
      }
      const message: PresenceMessage = {
        instance: this.instance,
        postmortemId,
        viewers: this.localViewers(postmortemId),
      };
      await this.feed.publish('debrief_presence', JSON.stringify(message)).catch(() => {});
    }
  }

  private async onMessage(message: FeedMessage): Promise<void> {
    if (message.kind === 'resync') {
      // Changes may have been missed while the listening connection was away.
      for (const [postmortemId, set] of this.local) {
        for (const connection of set) {
          connection.send('change', { postmortemId, revision: null, version: null });
        }
      }
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(message.payload);
    } catch {
      return;
    }
    if (
      !isRecord(payload) ||
      (typeof payload.id !== 'string' && typeof payload.postmortemId !== 'string')
    ) {
      return;
    }
    if (message.channel === 'debrief_postmortem_changes') {
      await this.onChange(payload);
    } else {
      this.onPresence(payload);
    }
  }

  private async onChange(payload: Record<string, unknown>): Promise<void> {
    const postmortemId = String(payload.id);
    const set = this.local.get(postmortemId);
    if (!set) {
      return;
    }
    const change = {
      postmortemId,
      revision: typeof payload.revision === 'number' ? payload.revision : null,
      version: typeof payload.version === 'number' ? payload.version : null,
    };
    for (const connection of [...set]) {
      if (await this.options.mayRead(connection.actor, postmortemId)) {
        connection.send('change', change);
      } else {
        connection.close();
      }
    }
  }

  private onPresence(payload: Record<string, unknown>): void {
    const { instance, postmortemId, viewers } = payload as Partial<PresenceMessage>;
    if (instance === this.instance || typeof postmortemId !== 'string' || !Array.isArray(viewers)) {
      return;
    }
    const key = `${instance}|${postmortemId}`;
    const before = JSON.stringify(this.remote.get(key)?.viewers ?? []);
    const clean = viewers
      .filter((v): v is Viewer => isRecord(v) && typeof v.userId === 'string')
      .map((v) => ({ userId: v.userId, name: String(v.name) }));
    if (clean.length === 0) {
      this.remote.delete(key);
    } else {
      this.remote.set(key, { at: Date.now(), viewers: clean });
    }
    if (JSON.stringify(clean) !== before) {
      this.sendPresence(postmortemId);
    }
  }
}
