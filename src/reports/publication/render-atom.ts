import { escapeXml } from '../why-tree-svg.ts';

/** XML 1.0 allows no control characters but tab, line feed and carriage return. */
const xmlText = (text: string) =>
  escapeXml(
    [...text]
      .filter((c) => {
        const code = c.codePointAt(0) ?? 0;
        return code >= 0x20
          ? code !== 0xfffe && code !== 0xffff
          : c === '\t' || c === '\n' || c === '\r';
      })
      .join(''),
  );

/** One entry of a feed of postmortems. */
export interface FeedEntry {
  /** A stable id (`urn:uuid:…`). */
  id: string;
  title: string;
  /** Absolute address of the published page. */
  url: string;
  updated: Date;
  summary: string;
}

/**
 * An Atom feed (RFC 4287) of published postmortems. Every text is escaped; nothing but what
 * the entries carry — already published text — goes in.
 */
export function renderAtom(feed: {
  id: string;
  title: string;
  selfUrl: string;
  entries: readonly FeedEntry[];
  /** When the feed has no entries. */
  emptyUpdated: Date;
}): string {
  const updated = feed.entries[0]?.updated ?? feed.emptyUpdated;
  const entries = feed.entries
    .map(
      (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${xmlText(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <updated>${entry.updated.toISOString()}</updated>
    <summary type="text">${xmlText(entry.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(feed.id)}</id>
  <title>${xmlText(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <updated>${updated.toISOString()}</updated>
${entries}
</feed>
`;
}
