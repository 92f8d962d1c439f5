import { useCallback } from 'react';
import { followThroughApi } from '../../api/action-items-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useResource } from '../../lib/use-resource.ts';

interface TreeCausesTableProps {
  postmortemId: string;
  taxonomy: PolicyView['factorTaxonomy'];
}

/**
 * The causes marked in the why-tree, read from the same list the guards and the item picker
 * use, so this tab and the tree cannot disagree. They are edited in the tree.
 */
export function TreeCausesTable({ postmortemId, taxonomy }: TreeCausesTableProps) {
  const load = useCallback(() => followThroughApi.causes(postmortemId), [postmortemId]);
  const causes = useResource(load);
  if (!causes.data) {
    return <LoadState problem={causes.problem} onRetry={causes.reload} />;
  }
  const fromTree = causes.data.data.filter((cause) => cause.origin === 'why_node');
  if (fromTree.length === 0) {
    return null;
  }
  const categoryLabel = (key: string | null) =>
    key ? (taxonomy.find((item) => item.key === key)?.label ?? key) : '—';
  return (
    <table className="data-table" aria-label="Causes marked in the why-tree">
      <thead>
        <tr>
          <th scope="col">Cause (from the why-tree)</th>
          <th scope="col">Category</th>
          <th scope="col">Root cause</th>
          <th scope="col">Action items</th>
        </tr>
      </thead>
      <tbody>
        {fromTree.map((cause) => (
          <tr key={cause.id}>
            <td className="prewrap">{cause.text}</td>
            <td>{categoryLabel(cause.category)}</td>
            <td>{cause.isRootCause ? 'Yes' : 'No'}</td>
            <td>
              {cause.actionItemIds.length > 0
                ? cause.actionItemIds.length
                : (cause.acceptedRiskReason ?? 'None yet')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
