import { useState } from 'react';
import { type ActionItem, actionItemsApi, factorsApi } from '../../api/parts-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { can } from '../../lib/abilities.ts';
import { formatDate } from '../../lib/datetime.ts';
import { ActionItemForm } from './ActionItemForm.tsx';
import { valuesToActionItemBody } from './action-item-values.ts';
import { postmortemLabels } from './labels.ts';
import { usePartList } from './use-part-list.ts';

interface SectionProps {
  postmortemId: string;
  canAdd: boolean;
  onChanged: () => void;
}

const noop = () => {};

/** The fixes: owner, due date, success criterion and status of each. */
export function ActionItemsSection({ postmortemId, canAdd, onChanged }: SectionProps) {
  const { resource, rows, rowAction, refresh } = usePartList(
    actionItemsApi,
    postmortemId,
    onChanged,
  );
  const factors = usePartList(factorsApi, postmortemId, noop);
  const [editing, setEditing] = useState<string | null>(null);

  if (!resource.data || !factors.resource.data) {
    return (
      <LoadState
        problem={resource.problem ?? factors.resource.problem}
        onRetry={() => void Promise.all([resource.reload(), factors.resource.reload()])}
      />
    );
  }
  const factorList = factors.rows.map((row) => row.data);
  const remove = async (item: ActionItem) => {
    if (!window.confirm(`Delete the action item "${item.title}"?`)) {
      return;
    }
    if (await rowAction.run(() => actionItemsApi.remove(item.id, item.version))) {
      await refresh();
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
              editing === item.id ? (
                <tr key={item.id}>
                  <td colSpan={7}>
                    <ActionItemForm
                      factors={factorList}
                      initial={item}
                      submitLabel="Save action item"
                      onCancel={() => setEditing(null)}
                      onSubmit={async (values) => {
                        await actionItemsApi.update(
                          item.id,
                          item.version,
                          valuesToActionItemBody(values),
                        );
                        setEditing(null);
                        await refresh();
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={item.id}>
                  <td>
                    {item.trackerUrl ? (
                      <a href={item.trackerUrl} rel="noreferrer noopener" target="_blank">
                        {item.title}
                      </a>
                    ) : (
                      item.title
                    )}
                  </td>
                  <td>{postmortemLabels.actionItemKind[item.kind]}</td>
                  <td>{item.ownerName ?? <span className="muted">Unassigned</span>}</td>
                  <td>{formatDate(item.dueDate)}</td>
                  <td>
                    {postmortemLabels.actionItemStatus[item.status]}
                    {item.status === 'wont_do' && item.wontDoReason && (
                      <span className="muted"> ({item.wontDoReason})</span>
                    )}
                  </td>
                  <td className="prewrap">{item.successCriterion ?? '—'}</td>
                  <td className="row-actions">
                    {can(abilities, 'update') && (
                      <button type="button" className="link" onClick={() => setEditing(item.id)}>
                        Edit<span className="visually-hidden"> {item.title}</span>
                      </button>
                    )}
                    {can(abilities, 'remove') && (
                      <button type="button" className="link danger" onClick={() => remove(item)}>
                        Delete<span className="visually-hidden"> {item.title}</span>
                      </button>
                    )}
                  </td>
                </tr>
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
            factors={factorList}
            submitLabel="Add action item"
            onSubmit={async (values) => {
              await actionItemsApi.create(postmortemId, valuesToActionItemBody(values));
              await refresh();
            }}
          />
        </section>
      )}
    </>
  );
}
