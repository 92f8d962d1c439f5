import { useCallback } from 'react';
import type { Abilities } from '../../lib/abilities.ts';
import { type Resource, useResource } from '../../lib/use-resource.ts';
import { type Submit, useSubmit } from '../../lib/use-submit.ts';
import { useReloadOnLiveChange } from '../live/live-tick.ts';

/** The list call of a postmortem part (participants, timeline events, …). */
export interface PartLister<T> {
  list: (postmortemId: string) => Promise<{ data: Array<{ data: T; abilities: Abilities }> }>;
}

export interface PartList<T> {
  resource: Resource<{ data: Array<{ data: T; abilities: Abilities }> }>;
  rows: Array<{ data: T; abilities: Abilities }>;
  /** Shared state of row actions (edit, delete, toggles) whose problems show above the table. */
  rowAction: Submit;
  /** Reloads the list and tells the postmortem that its conditions may have changed. */
  refresh: () => Promise<void>;
}

/** Loads one kind of postmortem part and refreshes it (and the postmortem) after changes. */
export function usePartList<T>(
  api: PartLister<T>,
  postmortemId: string,
  onChanged: () => void,
): PartList<T> {
  const load = useCallback(() => api.list(postmortemId), [api, postmortemId]);
  const resource = useResource(load);
  const rowAction = useSubmit();
  const { reload } = resource;
  useReloadOnLiveChange(reload);
  const refresh = useCallback(async () => {
    await reload();
    onChanged();
  }, [reload, onChanged]);
  return { resource, rows: resource.data?.data ?? [], rowAction, refresh };
}
