import { useCallback, useState } from 'react';
import { followThroughApi } from '../../api/action-items-api.ts';
import { type ActionItem, actionItemsApi } from '../../api/parts-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { ActionItemForm } from './ActionItemForm.tsx';
import { ActionItemRow } from './ActionItemRow.tsx';
import { valuesToActionItemBody } from './action-item-values.ts';
import { usePartList } from './use-part-list.ts';
import { VerifyActionItemForm } from './VerifyActionItemForm.tsx';

interface SectionProps {
  postmortemId: string;
  canAdd: boolean;
  onChanged: () => void;
}

/** The fixes (and ideas): owner, team, due date, success criterion, status and evidence of each. */
export function ActionItemsSection({ postmortemId, canAdd, onChanged }: SectionProps) {
  const { resource, rows, rowAction, refresh } = usePartList(
    actionItemsApi,
    postmortemId,
    onChanged,
  );
  const loadCauses = useCallback(() => followThroughApi.causes(postmortemId), [postmortemId]);
  const causes = useResource(loadCauses);
  const trackers = useResource(followThroughApi.trackers);
  const [open, setOpen] = useState<{ id: string; mode: 'edit' | 'verify' } | null>(null);

  if (!resource.data || !causes.data) {
    return (
      <LoadState
        problem={resource.problem ?? causes.problem}
        onRetry={() => void Promise.all([resource.reload(), causes.reload()])}
      />
    );
  }
  const causeList = causes.data.data;
  const reloadAll = async () => {
    setOpen(null);
    await Promise.all([refresh(), causes.reload()]);
  };
  const remove = async (item: ActionItem) => {
    if (!window.confirm(`Delete the action item "${item.title}"?`)) {
      return;
    }
    if (await rowAction.run(() => actionItemsApi.remove(item.id, item.version))) {
      await reloadAll();
    }
  };
  const openIssue = async (item: ActionItem, tracker: 'github' | 'jira') => {
    if (await rowAction.run(() => followThroughApi.openTrackerIssue(item.id, tracker))) {
      await reloadAll();
    }
  };
  const promote = async (item: ActionItem) => {
    if (await rowAction.run(() => followThroughApi.promote(item.id, item.version))) {
      await reloadAll();
    }
  };

  return (
    <>
      <h2>Action items</h2>
      {rows.length === 0 ? (
        <p className="empty">No action items yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Success criterion</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ data: item, abilities }) =>
              open?.id === item.id ? (
                <tr key={item.id}>
                  <td colSpan={7}>
                    {open.mode === 'edit' ? (
                      <ActionItemForm
                        causes={causeList}
                        initial={item}
                        submitLabel="Save action item"
                        onCancel={() => setOpen(null)}
                        onSubmit={async (values) => {
                          await actionItemsApi.update(
                            item.id,
                            item.version,
                            valuesToActionItemBody(values, causeList),
                          );
                          await reloadAll();
                        }}
                      />
                    ) : (
                      <VerifyActionItemForm
                        title={item.title}
                        onCancel={() => setOpen(null)}
                        onSubmit={async (body) => {
                          await followThroughApi.verify(item.id, item.version, body);
                          await reloadAll();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ) : (
                <ActionItemRow
                  key={item.id}
                  item={item}
                  abilities={abilities}
                  onEdit={() => setOpen({ id: item.id, mode: 'edit' })}
                  onVerify={() => setOpen({ id: item.id, mode: 'verify' })}
                  onPromote={() => void promote(item)}
                  onRemove={() => void remove(item)}
                  trackers={trackers.data?.data ?? []}
                  onOpenIssue={(tracker) => void openIssue(item, tracker)}
                />
              ),
            )}
          </tbody>
        </table>
      )}
      <ProblemAlert problem={rowAction.problem} onReload={resource.reload} />
      {canAdd && (
        <section className="card" aria-labelledby="add-action-heading">
          <h3 id="add-action-heading">Add an action item</h3>
          <ActionItemForm
            causes={causeList}
            submitLabel="Add action item"
            onSubmit={async (values) => {
              await actionItemsApi.create(postmortemId, {
                ...valuesToActionItemBody(values, causeList),
                isIdea: values.isIdea,
              });
              await reloadAll();
            }}
          />
        </section>
      )}
    </>
  );
}
