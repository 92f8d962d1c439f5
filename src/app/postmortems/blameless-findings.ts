import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { waiversRepository } from '../../storage/repositories/parts-repositories.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from './load-postmortem.ts';
import { loadBlamelessContext, loadBlamelessFindings } from './load-snapshot.ts';

/** The blameless-language findings of a postmortem, with their waivers, and the context they were found in. */
export async function listBlamelessFindings(deps: AppDeps, actor: Actor, postmortemId: string) {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    return {
      findings: await loadBlamelessFindings(tx, postmortem),
      context: await loadBlamelessContext(tx, postmortem.id),
    };
  });
}

/** Keeps a flagged wording on purpose, with a reason; recorded in the audit trail. */
export async function waiveBlamelessFinding(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: { key: string; reason: string },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const findings = await loadBlamelessFindings(tx, postmortem);
    const finding = findings.find((f) => f.key === input.key);
    if (!finding) {
      throw new DomainError('NOT_FOUND', 'No such finding on this postmortem.');
    }
    await waiversRepository.upsert(tx.db, {
      postmortemId,
      findingKey: input.key,
      reason: input.reason,
      waivedById: actor.id,
      createdAt: tx.clock(),
    });
    await postmortemsRepository.touch(tx.db, postmortemId, tx.clock());
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'blameless_finding.waived',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { rule: finding.rule, field: finding.target.field, reason: input.reason },
    });
  });
}
