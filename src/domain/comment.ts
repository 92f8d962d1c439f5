/** What a comment is about: the whole postmortem, a report section, or one of its parts. */
export const commentTargetTypes = [
  'postmortem',
  'section',
  'timeline_event',
  'why_node',
  'action_item',
] as const;
export type CommentTargetType = (typeof commentTargetTypes)[number];

/** A comment in a thread; the thread's first comment carries its resolution. */
export interface Comment {
  id: string;
  postmortemId: string;
  /** The thread's first comment; null for that first comment itself. */
  threadId: string | null;
  targetType: CommentTargetType;
  targetId: string;
  authorId: string | null;
  body: string;
  mentionedUserIds: string[];
  resolvedAt: Date | null;
  resolvedById: string | null;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
}

/**
 * The e-mail addresses @mentioned in a comment (`@bo@example.com`), lower-cased, each once.
 * Mentions name accounts by e-mail because names are neither unique nor free of spaces.
 */
export function findMentionedEmails(body: string): string[] {
  const found = body.matchAll(/(?:^|[\s(])@([^\s@()<>,;:]+@[^\s@()<>,;:]+\.[a-z]{2,})/gi);
  return [...new Set([...found].map((m) => (m[1] ?? '').toLowerCase()))];
}

/** Report sections a reader may not see (restricted to others): their comments stay hidden too. */
export function hiddenSectionKeys(
  restricted: ReadonlyArray<{ key: string; memberIds: readonly string[] }>,
  reader: { id: string; role: string },
): Set<string> {
  return new Set(
    restricted
      .filter((s) => reader.role !== 'admin' && !s.memberIds.includes(reader.id))
      .map((s) => s.key),
  );
}
