import type { z } from 'zod';
import type {
  createFactorBodySchema,
  updateFactorBodySchema,
} from '../../contracts/postmortem-parts.ts';
import type { ContributingFactor } from '../../domain/contributing-factor.ts';
import type { Actor } from '../../domain/user.ts';
import { factorsRepository } from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { assertKnownCategory } from '../assert-known-category.ts';
import { addPart, changePart, type PartKind, partRemover } from './part-write.ts';

const kind: PartKind = { type: 'contributing_factor', label: 'Contributing factor' };

/** Names a contributing factor (or root cause) in the policy's taxonomy. */
export async function addContributingFactor(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof createFactorBodySchema>,
): Promise<ContributingFactor> {
  assertKnownCategory(deps.policy, input.category);
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    (tx) =>
      factorsRepository.insert(tx.db, {
        id: tx.newId(),
        postmortemId,
        description: input.description,
        category: input.category,
        isRootCause: input.isRootCause,
        acceptedRiskReason: input.acceptedRiskReason,
        createdAt: tx.clock(),
      }),
    (f) => ({ category: f.category, isRootCause: f.isRootCause }),
  );
}

/** Edits a factor. */
export async function updateContributingFactor(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof updateFactorBodySchema>,
): Promise<ContributingFactor> {
  assertKnownCategory(deps.policy, input.category);
  return changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion, verb: 'updated' },
    factorsRepository.findById,
    (tx) => factorsRepository.update(tx.db, id, expectedVersion, input),
    () => ({ fields: Object.keys(input) }),
  );
}

/** Removes a factor. */
export const removeContributingFactor = partRemover(kind, factorsRepository);
