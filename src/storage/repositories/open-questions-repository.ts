import { asc, eq } from 'drizzle-orm';
import type {
  OpenQuestion,
  OpenQuestionKind,
  OpenQuestionStatus,
} from '../../domain/open-question.ts';
import type { WhyNodeMark } from '../../domain/why-node.ts';
import type { Database } from '../database.ts';
import { openQuestions, whyNodeEvidence, whyNodes } from '../schema.ts';
import { createPartRepository } from './part-repository.ts';

/** An open-question row as the domain's open question. */
export function toOpenQuestion(row: typeof openQuestions.$inferSelect): OpenQuestion {
  return {
    ...row,
    kind: row.kind as OpenQuestionKind,
    status: row.status as OpenQuestionStatus,
  };
}

/** Open questions and disagreements captured in the analysis meeting. */
export const openQuestionsRepository = {
  ...createPartRepository(openQuestions, 'Open question', toOpenQuestion),

  /**
   * The why-tree as the agenda needs it (id, parent, question, mark, whether its evidence
   * question is answered), in tree order. Read here
   * rather than through the why-tree's own repository so that the agenda depends only on the
   * table, not on the why-tree's use cases.
   */
  async listWhyNodeOutlines(db: Database, postmortemId: string) {
    const rows = await db
      .select({
        id: whyNodes.id,
        parentId: whyNodes.parentId,
        question: whyNodes.question,
        mark: whyNodes.mark,
        noEvidenceReason: whyNodes.noEvidenceReason,
      })
      .from(whyNodes)
      .where(eq(whyNodes.postmortemId, postmortemId))
      .orderBy(asc(whyNodes.position), asc(whyNodes.createdAt), asc(whyNodes.id));
    const cited = await db
      .selectDistinct({ id: whyNodeEvidence.whyNodeId })
      .from(whyNodeEvidence)
      .innerJoin(whyNodes, eq(whyNodes.id, whyNodeEvidence.whyNodeId))
      .where(eq(whyNodes.postmortemId, postmortemId));
    const withEvidence = new Set(cited.map((row) => row.id));
    // A stated reason for no evidence answers the evidence question as well as evidence does.
    return rows.map(({ noEvidenceReason, ...row }) => ({
      ...row,
      mark: row.mark as WhyNodeMark,
      hasEvidence: withEvidence.has(row.id) || Boolean(noEvidenceReason),
    }));
  },
};
