import type { ActionItem, TimelineEvent } from '../../api/parts-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import type { WhyNode, WhyTreeHint } from '../../api/why-tree-api.ts';
import type { Abilities } from '../../lib/abilities.ts';
import { can } from '../../lib/abilities.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { WhyNodeForm, type WhyNodeValues } from './WhyNodeForm.tsx';
import { markLabels } from './why-labels.ts';

/** What every item of the outline shares: the tree, the timeline, and the write actions. */
export interface WhyOutlineContext {
  childrenOf: Map<string | null, Array<{ data: WhyNode; abilities: Abilities }>>;
  hintsByNode: Map<string, WhyTreeHint>;
  /** The action items (not ideas) linked to each node. */
  itemsByNode: Map<string, ActionItem[]>;
  events: TimelineEvent[];
  taxonomy: PolicyView['factorTaxonomy'];
  /** The open form: editing a node, or adding a child below it. */
  open: { nodeId: string; mode: 'edit' | 'child' } | null;
  setOpen: (open: WhyOutlineContext['open']) => void;
  addChild: (parent: WhyNode, values: WhyNodeValues) => Promise<unknown>;
  update: (node: WhyNode, values: WhyNodeValues) => Promise<unknown>;
  remove: (node: WhyNode) => void;
}

interface WhyNodeItemProps {
  node: WhyNode;
  abilities: Abilities;
  depth: number;
  context: WhyOutlineContext;
}

/** The action items addressing a marked cause, or a note that none does yet. */
function CauseItems({ items }: { items: ActionItem[] }) {
  if (items.length === 0) {
    return <p className="hint why-missing">No action item addresses this cause yet.</p>;
  }
  return (
    <ul className="why-items" aria-label="Action items">
      {items.map((item) => (
        <li key={item.id}>
          {item.title}{' '}
          <span className="muted">({postmortemLabels.actionItemStatus[item.status]})</span>
        </li>
      ))}
    </ul>
  );
}

/** A first draft of the next question from an answer: "Pool exhausted." → "Why pool exhausted?" */
function suggestQuestion(answer: string): string {
  const text = answer.trim().replace(/[.!?]+$/, '');
  return text ? `Why ${text.charAt(0).toLowerCase()}${text.slice(1)}?` : '';
}

/** One why of the outline, its evidence and hint, and the whys below it (nested list). */
export function WhyNodeItem({ node, abilities, depth, context }: WhyNodeItemProps) {
  const children = context.childrenOf.get(node.id) ?? [];
  const hint = context.hintsByNode.get(node.id);
  const cited = context.events.filter((event) => node.evidenceEventIds.includes(event.id));
  const isOpen = (mode: 'edit' | 'child') =>
    context.open?.nodeId === node.id && context.open.mode === mode;
  const category = context.taxonomy.find((item) => item.key === node.category)?.label;
  const short = node.question.slice(0, 60);
  const markClass = node.mark === 'none' ? '' : ` why-${node.mark.replace('_', '-')}`;

  return (
    <li>
      {isOpen('edit') ? (
        <WhyNodeForm
          taxonomy={context.taxonomy}
          events={context.events}
          initial={node}
          label={`Edit why: ${short}`}
          submitLabel="Save why"
          onCancel={() => context.setOpen(null)}
          onSubmit={(values) => context.update(node, values)}
        />
      ) : (
        <div className={`why-node${markClass}`}>
          <p className="why-question">
            <span className="visually-hidden">Level {depth}: </span>
            {node.question}
            {node.mark !== 'none' && (
              <span className={node.mark === 'root_cause' ? 'tag tag-warn' : 'tag'}>
                {markLabels[node.mark]}
              </span>
            )}
            {category && <span className="tag">{category}</span>}
          </p>
          {node.answer && <p className="why-answer prewrap">{node.answer}</p>}
          {cited.length > 0 && (
            <ul className="why-cited" aria-label="Evidence">
              {cited.map((event) => (
                <li key={event.id}>
                  {formatInstant(event.occurredAt)} — {event.text.slice(0, 140)}
                </li>
              ))}
            </ul>
          )}
          {node.mark === 'root_cause' && node.noEvidenceReason && (
            <p className="hint">No evidence, because: {node.noEvidenceReason}</p>
          )}
          {node.mark === 'root_cause' && cited.length === 0 && !node.noEvidenceReason && (
            <p className="hint why-missing">Cite a timeline event, or say why there is none.</p>
          )}
          {node.mark !== 'none' && <CauseItems items={context.itemsByNode.get(node.id) ?? []} />}
          {hint && <p className="hint why-hint">{hint.message}</p>}
          <div className="row-actions">
            {can(abilities, 'addChild') && (
              <button
                type="button"
                className="link"
                aria-expanded={isOpen('child')}
                onClick={() => context.setOpen({ nodeId: node.id, mode: 'child' })}
              >
                Ask why<span className="visually-hidden"> about: {short}</span>
              </button>
            )}
            {can(abilities, 'update') && (
              <button
                type="button"
                className="link"
                onClick={() => context.setOpen({ nodeId: node.id, mode: 'edit' })}
              >
                Edit<span className="visually-hidden"> {short}</span>
              </button>
            )}
            {can(abilities, 'remove') && (
              <button type="button" className="link danger" onClick={() => context.remove(node)}>
                Delete<span className="visually-hidden"> {short}</span>
              </button>
            )}
          </div>
        </div>
      )}
      {isOpen('child') && (
        <WhyNodeForm
          taxonomy={context.taxonomy}
          events={context.events}
          suggestedQuestion={suggestQuestion(node.answer)}
          label={`Add a why below: ${short}`}
          submitLabel="Add why"
          onCancel={() => context.setOpen(null)}
          onSubmit={(values) => context.addChild(node, values)}
        />
      )}
      {children.length > 0 && (
        <ul className="why-children">
          {children.map((child) => (
            <WhyNodeItem
              key={child.data.id}
              node={child.data}
              abilities={child.abilities}
              depth={depth + 1}
              context={context}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
