import { asc, eq } from 'drizzle-orm';
import type {
  OpenQuestion,
  OpenQuestionKind,
  OpenQuestionStatus,
} from '../../domain/open-question.ts';
import type { WhyNodeMark } from '../../domain/why-node.ts';
import type { Database } from '../database.ts';
import { openQuestions, whyNodes } from '../schema.ts';
import { createPartRepository } from './part-repository.ts';

/** Open questions and disagreements captured in the analysis meeting. */
export const openQuestionsRepository = {
  ...createPartRepository(
    openQuestions,
    'Open question',
    (row): OpenQuestion => ({
      ...row,
      kind: row.kind as OpenQuestionKind,
      status: row.status as OpenQuestionStatus,
    }),
  ),

  /**
   * The why-tree as the agenda needs it (id, parent, question, mark), in tree order. Read here
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
      })
      .from(whyNodes)
      .where(eq(whyNodes.postmortemId, postmortemId))
      .orderBy(asc(whyNodes.position), asc(whyNodes.createdAt), asc(whyNodes.id));
    return rows.map((row) => ({ ...row, mark: row.mark as WhyNodeMark }));
  },
};
