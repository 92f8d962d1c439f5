import type { z } from 'zod';
import type {
  createOpenQuestionBodySchema,
  updateOpenQuestionBodySchema,
} from '../../contracts/facilitation.ts';
import type { OpenQuestion } from '../../domain/open-question.ts';
import type { Actor } from '../../domain/user.ts';
import { openQuestionsRepository } from '../../storage/repositories/open-questions-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { addPart, changePart, type PartKind, partRemover } from '../parts/part-write.ts';

const kind: PartKind = { type: 'open_question', label: 'Open question' };

/** Captures an open question or a disagreement raised in the analysis meeting. */
export async function addOpenQuestion(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createOpenQuestionBodySchema>,
): Promise<OpenQuestion> {
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    (tx) =>
      openQuestionsRepository.insert(tx.db, {
        id: tx.newId(),
        postmortemId,
        text: input.text,
        kind: input.kind,
        status: 'open',
        resolution: null,
        createdAt: tx.clock(),
      }),
    (q) => ({ kind: q.kind }),
  );
}

/** Edits, resolves or re-opens a question; re-opening clears the resolution unless one is sent. */
export async function updateOpenQuestion(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updateOpenQuestionBodySchema>,
): Promise<OpenQuestion> {
  const values =
    input.status === 'open' && input.resolution === undefined
      ? { ...input, resolution: null }
      : input;
  return changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion, verb: 'updated' },
    openQuestionsRepository.findById,
    (tx) => openQuestionsRepository.update(tx.db, id, expectedVersion, values),
    (q) => ({ fields: Object.keys(input), kind: q.kind, status: input.status ?? q.status }),
  );
}

/** Removes a question captured by mistake. */
export const removeOpenQuestion = partRemover(kind, openQuestionsRepository);
