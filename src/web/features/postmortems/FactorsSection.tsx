import { useState } from 'react';
import { type Factor, factorsApi } from '../../api/parts-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { can } from '../../lib/abilities.ts';
import { FactorForm } from './FactorForm.tsx';
import { TreeCausesTable } from './TreeCausesTable.tsx';
import { usePartList } from './use-part-list.ts';

interface SectionProps {
  postmortemId: string;
  canAdd: boolean;
  taxonomy: PolicyView['factorTaxonomy'];
  onChanged: () => void;
}

/** Root causes and contributing factors, each in a taxonomy category. */
export function FactorsSection({ postmortemId, canAdd, taxonomy, onChanged }: SectionProps) {
  const { resource, rows, rowAction, refresh } = usePartList(factorsApi, postmortemId, onChanged);
  const [editing, setEditing] = useState<string | null>(null);

  if (!resource.data) {
    return <LoadState problem={resource.problem} onRetry={resource.reload} />;
  }
  const categoryLabel = (key: string) => taxonomy.find((item) => item.key === key)?.label ?? key;
  const remove = async (factor: Factor) => {
    if (!window.confirm('Delete this contributing factor?')) {
      return;
    }
    if (await rowAction.run(() => factorsApi.remove(factor.id, factor.version))) {
      await refresh();
    }
  };

  return (
    <>
      <h2>Contributing factors</h2>
      <p className="hint">
        One list of causes: those marked in the why-tree and those named here stand side by side,
        and every check reads both.
      </p>
      <TreeCausesTable postmortemId={postmortemId} taxonomy={taxonomy} />
      {rows.length === 0 ? (
        <p className="empty">No factors named here.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col">Category</th>
              <th scope="col">Root cause</th>
              <th scope="col">Accepted risk</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ data: factor, abilities }) =>
              editing === factor.id ? (
                <tr key={factor.id}>
                  <td colSpan={5}>
                    <FactorForm
                      taxonomy={taxonomy}
                      initial={factor}
                      submitLabel="Save factor"
                      onCancel={() => setEditing(null)}
                      onSubmit={async (values) => {
                        await factorsApi.update(factor.id, factor.version, values);
                        setEditing(null);
                        await refresh();
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={factor.id}>
                  <td className="prewrap">{factor.description}</td>
                  <td>{categoryLabel(factor.category)}</td>
                  <td>{factor.isRootCause ? 'Yes' : 'No'}</td>
                  <td>{factor.acceptedRiskReason ?? '—'}</td>
                  <td className="row-actions">
                    {can(abilities, 'update') && (
                      <button type="button" className="link" onClick={() => setEditing(factor.id)}>
                        Edit
                        <span className="visually-hidden"> {factor.description.slice(0, 60)}</span>
                      </button>
                    )}
                    {can(abilities, 'remove') && (
                      <button type="button" className="link danger" onClick={() => remove(factor)}>
                        Delete
                        <span className="visually-hidden"> {factor.description.slice(0, 60)}</span>
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
        <section className="card" aria-labelledby="add-factor-heading">
          <h3 id="add-factor-heading">Add a factor</h3>
          <FactorForm
            taxonomy={taxonomy}
            submitLabel="Add factor"
            onSubmit={async (values) => {
              await factorsApi.create(postmortemId, values);
              await refresh();
            }}
          />
        </section>
      )}
    </>
  );
}
