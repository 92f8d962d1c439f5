import { NearDuplicateCandidates } from '../../domain/near-duplicate-candidates.ts';
import { findNearDuplicateLinks, nearDuplicateWindowMs } from '../../domain/timeline-rules.ts';
import {
  type LinkableKey,
  nearDuplicatesRepository,
} from '../../storage/repositories/near-duplicates-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { yieldToEventLoop } from '../yield-to-event-loop.ts';

const keysPerPage = 2_000;
const rowsPerRead = 1_000;
const linksPerWrite = 1_000;

/** The time span of what was just proposed: only events near it can gain a link. */
export interface ProposedSpan {
  from: Date;
  to: Date;
}

function slices<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < items.length; at += size) {
    result.push(items.slice(at, at + size));
  }
  return result;
}

/**
 * Links near-duplicates across sources after an import, in the caller's transaction: reads the
 * keys of the events within the window of the proposed span page by page, keeps those with an
 * event of another source close by (`NearDuplicateCandidates`), reads only their texts, and
 * writes the links in a few statements. Yields to the event loop between steps so that the
 * server keeps answering while a large import links. Returns how many links were set.
 */
export async function linkNearDuplicates(
  tx: AppDeps,
  postmortemId: string,
  span: ProposedSpan,
): Promise<number> {
  if ((await nearDuplicatesRepository.countSources(tx.db, postmortemId)) < 2) {
    return 0;
  }
  const window = {
    from: new Date(span.from.getTime() - nearDuplicateWindowMs),
    to: new Date(span.to.getTime() + nearDuplicateWindowMs),
  };
  const sweep = new NearDuplicateCandidates();
  const candidates: string[] = [];
  let after: LinkableKey | null = null;
  for (;;) {
    const page = await nearDuplicatesRepository.listKeys(
      tx.db,
      postmortemId,
      window,
      after,
      keysPerPage,
    );
    for (const key of page) {
      sweep.add(key);
    }
    candidates.push(...sweep.take());
    after = page.at(-1) ?? null;
    await yieldToEventLoop();
    if (page.length < keysPerPage) {
      break;
    }
  }
  const linkable = [];
  for (const ids of slices(candidates, rowsPerRead)) {
    linkable.push(...(await nearDuplicatesRepository.listLinkable(tx.db, postmortemId, ids)));
    await yieldToEventLoop();
  }
  const links = findNearDuplicateLinks(linkable);
  for (const batch of slices(links, linksPerWrite)) {
    await nearDuplicatesRepository.setDuplicateLinks(tx.db, batch);
    await yieldToEventLoop();
  }
  return links.length;
}
