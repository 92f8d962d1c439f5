import { useCallback, useMemo, useState } from 'react';
import { actionItemsApi, timelineApi } from '../../api/parts-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import { type WhyNode, whyTreeApi } from '../../api/why-tree-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { can } from '../../lib/abilities.ts';
import { plural } from '../../lib/plural.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { MermaidPanel } from './MermaidPanel.tsx';
import { WhyNodeForm, type WhyNodeValues } from './WhyNodeForm.tsx';
import { WhyNodeItem, type WhyOutlineContext } from './WhyNodeItem.tsx';
import './why-tree.css';

interface WhyTreeSectionProps {
  postmortemId: string;
  taxonomy: PolicyView['factorTaxonomy'];
  /** Tells the postmortem its unmet conditions may have changed. */
  onChanged: () => void;
}

/** The Five Whys as a branching tree: a nested outline with forms, hints and Mermaid export. */
export function WhyTreeSection({ postmortemId, taxonomy, onChanged }: WhyTreeSectionProps) {
  const loadTree = useCallback(() => whyTreeApi.list(postmortemId), [postmortemId]);
  const loadEvents = useCallback(() => timelineApi.list(postmortemId), [postmortemId]);
  const tree = useResource(loadTree);
  const timeline = useResource(loadEvents);
  const loadItems = useCallback(() => actionItemsApi.list(postmortemId), [postmortemId]);
  const items = useResource(loadItems);
  const rowAction = useSubmit();
  const [open, setOpen] = useState<WhyOutlineContext['open']>(null);

  const rows = tree.data?.data;
  const childrenOf = useMemo(() => {
    const map: WhyOutlineContext['childrenOf'] = new Map();
    for (const row of rows ?? []) {
      map.set(row.data.parentId, [...(map.get(row.data.parentId) ?? []), row]);
    }
    for (const list of map.values()) {
      list.sort((a, b) => a.data.position - b.data.position);
    }
    return map;
  }, [rows]);

  if (!tree.data) {
    return <LoadState problem={tree.problem} onRetry={tree.reload} />;
  }
  const { reload } = tree;
  const refresh = async () => {
    setOpen(null);
    await reload();
    onChanged();
  };
  const events = (timeline.data?.data ?? [])
    .map((row) => row.data)
    .filter((event) => event.status !== 'rejected');
  const itemsByNode: WhyOutlineContext['itemsByNode'] = new Map();
  for (const { data: item } of items.data?.data ?? []) {
    for (const nodeId of item.isIdea ? [] : item.linkedWhyNodeIds) {
      itemsByNode.set(nodeId, [...(itemsByNode.get(nodeId) ?? []), item]);
    }
  }
  const context: WhyOutlineContext = {
    childrenOf,
    itemsByNode,
    hintsByNode: new Map(tree.data.hints.map((hint) => [hint.nodeId, hint])),
    events,
    taxonomy,
    open,
    setOpen,
    addChild: async (parent, values) => {
      await whyTreeApi.create(postmortemId, { ...values, parentId: parent.id });
      await refresh();
    },
    update: async (node, values) => {
      await whyTreeApi.update(node.id, node.version, values);
      await refresh();
    },
    remove: (node: WhyNode) => {
      const below = childrenOf.has(node.id) ? ' and every why below it' : '';
      if (window.confirm(`Delete this why${below}?`)) {
        void rowAction.run(async () => {
          await whyTreeApi.remove(node.id, node.version);
          await refresh();
        });
      }
    },
  };
  const roots = childrenOf.get(null) ?? [];
  const rootCauses = tree.data.data.filter((row) => row.data.mark === 'root_cause').length;
  const treeKey = tree.data.data.map((row) => `${row.data.id}:${row.data.version}`).join(',');
  const addRoot = async (values: WhyNodeValues) => {
    await whyTreeApi.create(postmortemId, { ...values, parentId: null });
    await refresh();
  };

  return (
    <>
      <h2>Why-tree</h2>
      <p className="hint">
        Ask why until you reach conditions the system can change; branches are normal. Mark root
        causes and contributing factors; a root cause needs evidence from the timeline (or a reason
        why there is none) and, before follow-up, an action item or an accepted risk.
      </p>
      <p className="muted">
        {plural(tree.data.data.length, 'why', 'whys')}, {plural(rootCauses, 'marked root cause')},{' '}
        {plural(tree.data.hints.length, 'depth hint')}.
      </p>
      {roots.length === 0 ? (
        <p className="empty">No whys yet. Start with what happened: why did it happen?</p>
      ) : (
        <ul className="why-tree" aria-label="Why-tree outline">
          {roots.map((row) => (
            <WhyNodeItem
              key={row.data.id}
              node={row.data}
              abilities={row.abilities}
              depth={1}
              context={context}
            />
          ))}
        </ul>
      )}
      <ProblemAlert problem={rowAction.problem} onReload={tree.reload} />
      {can(tree.data.abilities, 'create') && (
        <section className="card" aria-labelledby="add-why-heading">
          <h3 id="add-why-heading">Add a top-level why</h3>
          <WhyNodeForm
            taxonomy={taxonomy}
            events={events}
            label="Add a top-level why"
            submitLabel="Add why"
            onSubmit={addRoot}
          />
        </section>
      )}
      <MermaidPanel postmortemId={postmortemId} treeKey={treeKey} />
    </>
  );
}
