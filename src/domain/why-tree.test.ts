import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors.ts';
import {
  assertParentAllowed,
  depthHints,
  descendantIds,
  lacksEvidence,
  outlineOrder,
  type WhyTreeNode,
  whyNodeTexts,
} from './why-tree.ts';

const node = (id: string, parentId: string | null, position = 0): WhyTreeNode => ({
  id,
  parentId,
  position,
});

/** A chain a → b → c → … of the given length, ids `${prefix}1…`. */
const chain = (length: number, prefix = 'n'): WhyTreeNode[] =>
  Array.from({ length }, (_, i) => node(`${prefix}${i + 1}`, i === 0 ? null : `${prefix}${i}`));

function ruleOf(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    if (isDomainError(error, 'INVARIANT_VIOLATED')) {
      return error.details?.rule;
    }
    throw error;
  }
  return undefined;
}

describe('outlineOrder', () => {
  it('walks depth first, siblings by position', () => {
    const nodes = [
      node('b', null, 1),
      node('a2', 'a', 1),
      node('a', null, 0),
      node('a1', 'a', 0),
      node('a1x', 'a1'),
    ];
    expect(outlineOrder(nodes).map(({ node: n, depth }) => [n.id, depth])).toEqual([
      ['a', 1],
      ['a1', 2],
      ['a1x', 3],
      ['a2', 2],
      ['b', 1],
    ]);
  });
});

describe('depthHints', () => {
  it('hints at branches shorter than 3 or longer than 7, never at 3 to 7', () => {
    const nodes = [...chain(2, 's'), ...chain(5, 'f'), ...chain(8, 'd'), ...chain(3, 't')];
    expect(depthHints(nodes).map((h) => [h.kind, h.nodeId, h.depth])).toEqual([
      ['deep_branch', 'd8', 8],
      ['shallow_branch', 's2', 2],
    ]);
  });

  it('looks at every leaf of a branching tree', () => {
    const nodes = [...chain(4), node('side', 'n1'), node('side2', 'n3')];
    expect(depthHints(nodes).map((h) => h.nodeId)).toEqual(['side']);
  });

  it('has nothing to say about an empty tree', () => {
    expect(depthHints([])).toEqual([]);
  });
});

describe('assertParentAllowed', () => {
  const nodes = chain(4);

  it('accepts a root, an existing parent, and a move to a sibling branch', () => {
    expect(ruleOf(() => assertParentAllowed(nodes, null))).toBeUndefined();
    expect(ruleOf(() => assertParentAllowed(nodes, 'n4'))).toBeUndefined();
    expect(ruleOf(() => assertParentAllowed([...nodes, node('x', null)], 'x', 'n2'))).toBe(
      undefined,
    );
  });

  it('refuses a parent outside the postmortem', () => {
    expect(ruleOf(() => assertParentAllowed(nodes, 'elsewhere'))).toBe('WHY_NODE_PARENT_UNKNOWN');
  });

  it('refuses a move below itself or one of its descendants', () => {
    expect(ruleOf(() => assertParentAllowed(nodes, 'n2', 'n2'))).toBe('WHY_TREE_CYCLE');
    expect(ruleOf(() => assertParentAllowed(nodes, 'n4', 'n2'))).toBe('WHY_TREE_CYCLE');
    expect(ruleOf(() => assertParentAllowed(nodes, 'n1', 'n2'))).toBeUndefined();
  });

  it('lists descendants', () => {
    expect([...descendantIds(nodes, 'n2')].sort()).toEqual(['n3', 'n4']);
    expect(descendantIds(nodes, 'n4').size).toBe(0);
  });
});

describe('lacksEvidence', () => {
  const base = { mark: 'root_cause' as const, evidenceEventIds: [], noEvidenceReason: null };

  it('flags a root cause with neither evidence nor reason', () => {
    expect(lacksEvidence(base)).toBe(true);
    expect(lacksEvidence({ ...base, noEvidenceReason: '   ' })).toBe(true);
  });

  it('accepts evidence or a reason, and ignores other marks', () => {
    expect(lacksEvidence({ ...base, evidenceEventIds: ['e1'] })).toBe(false);
    expect(lacksEvidence({ ...base, noEvidenceReason: 'Logs rotated before review' })).toBe(false);
    expect(lacksEvidence({ ...base, mark: 'contributing_factor' })).toBe(false);
    expect(lacksEvidence({ ...base, mark: 'none' })).toBe(false);
  });
});

describe('whyNodeTexts', () => {
  it('names the question and the answer of each node', () => {
    expect(whyNodeTexts([{ id: 'w1', question: 'Why?', answer: 'Because' }])).toEqual([
      { field: 'why_nodes.w1.question', text: 'Why?' },
      { field: 'why_nodes.w1.answer', text: 'Because' },
    ]);
  });
});
