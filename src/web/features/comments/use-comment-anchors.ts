import { useCallback, useEffect, useState } from 'react';
import type { Comment } from '../../api/comments-api.ts';
import { actionItemsApi, timelineApi } from '../../api/parts-api.ts';
import { whyTreeApi } from '../../api/why-tree-api.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { shortenLabel } from '../../lib/shorten-label.ts';

/** What a comment thread can be on. */
export type AnchorType = Comment['targetType'];
/** Anchors that are records of the postmortem, loaded from their own lists. */
type PartType = Exclude<AnchorType, 'postmortem' | 'section'>;

/** One thing a thread can be on, named as a reader recognises it. */
export interface Anchor {
  id: string;
  label: string;
}

const shorten = (text: string) => shortenLabel(text, 80);

const loaders: Record<PartType, (postmortemId: string) => Promise<Anchor[]>> = {
  timeline_event: async (id) =>
    (await timelineApi.list(id)).data.map(({ data }) => ({
      id: data.id,
      label: `${formatInstant(data.occurredAt)} — ${shorten(data.text)}`,
    })),
  why_node: async (id) =>
    (await whyTreeApi.list(id)).data.map(({ data }) => ({
      id: data.id,
      label: shorten(data.question),
    })),
  action_item: async (id) =>
    (await actionItemsApi.list(id)).data.map(({ data }) => ({
      id: data.id,
      label: shorten(data.title),
    })),
};

const isPart = (type: AnchorType): type is PartType => type in loaders;

/**
 * The anchors of the kinds in `wanted` (the report's sections, and the postmortem's timeline
 * events, why-nodes or action items, each list loaded only once some thread or the new-thread
 * form needs it) and `labelOf`, which names any thread's anchor.
 */
export function useCommentAnchors(
  postmortemId: string,
  sections: ReadonlyArray<{ key: string; label: string }>,
  wanted: readonly AnchorType[],
) {
  const [parts, setParts] = useState<Partial<Record<PartType, Anchor[]>>>({});
  const wantedKey = [...new Set(wanted.filter(isPart))].sort().join(',');

  useEffect(() => {
    let current = true;
    for (const type of wantedKey ? (wantedKey.split(',') as PartType[]) : []) {
      loaders[type](postmortemId).then(
        (list) => current && setParts((before) => ({ ...before, [type]: list })),
        () => current && setParts((before) => ({ ...before, [type]: [] })),
      );
    }
    return () => {
      current = false;
    };
  }, [postmortemId, wantedKey]);

  const anchorsOf = useCallback(
    (type: AnchorType): Anchor[] | undefined =>
      type === 'postmortem'
        ? []
        : type === 'section'
          ? sections.map((s) => ({ id: s.key, label: s.label }))
          : parts[type],
    [parts, sections],
  );
  const labelOf = useCallback(
    (type: AnchorType, id: string): string => {
      if (type === 'postmortem') {
        return 'the postmortem';
      }
      const found = anchorsOf(type)?.find((a) => a.id === id)?.label;
      const kind = anchorTypeLabels[type];
      return found ? `${kind} “${found}”` : type === 'section' ? `${kind} ${id}` : `a ${kind}`;
    },
    [anchorsOf],
  );
  return { anchorsOf, labelOf };
}

/** Each kind of anchor in words. */
export const anchorTypeLabels: Record<AnchorType, string> = {
  postmortem: 'the postmortem',
  section: 'report section',
  timeline_event: 'timeline event',
  why_node: 'why-node',
  action_item: 'action item',
};
