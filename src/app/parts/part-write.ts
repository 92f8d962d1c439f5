import { DomainError, isDomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

type Tx = AppDeps & { db: Database };

/** How a use case names the part it changes, for errors and the audit trail. */
export interface PartKind {
  /** `participant`, `timeline_event`, … : the audit subject type and action prefix. */
  type: string;
  label: string;
}

interface PartRecord {
  id: string;
  postmortemId: string;
  version: number;
}

async function finish(
  tx: Tx,
  actor: Actor,
  postmortemId: string,
  kind: PartKind,
  verb: string,
  subjectId: string,
  data: Record<string, unknown>,
): Promise<void> {
  await postmortemsRepository.touch(tx.db, postmortemId, tx.clock());
  await recordAudit(tx, {
    actorId: actor.id,
    action: `${kind.type}.${verb}`,
    subjectType: kind.type,
    subjectId,
    postmortemId,
    data,
  });
}

/**
 * Adds a part to a postmortem: lock the postmortem (so a phase change sees a consistent
 * state), check the actor may edit it, insert, touch the postmortem and audit — one transaction.
 */
export async function addPart<T extends { id: string }>(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  kind: PartKind,
  insert: (tx: Tx, postmortem: Postmortem) => Promise<T>,
  auditData: (part: T) => Record<string, unknown> = () => ({}),
): Promise<T> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const part = await insert(tx, postmortem);
    await finish(tx, actor, postmortemId, kind, 'created', part.id, auditData(part));
    return part;
  });
}

/**
 * Changes or removes an existing part. NOT_FOUND both when it does not exist and when its
 * postmortem is invisible to the actor; VERSION_MISMATCH on a stale version.
 */
export async function changePart<P extends PartRecord, T>(
  deps: AppDeps,
  actor: Actor,
  kind: PartKind,
  /** `expectedVersion: null` acts on the current version (a step that reads it first itself). */
  target: { id: string; expectedVersion: number | null; verb: string },
  find: (db: Database, id: string) => Promise<P | undefined>,
  apply: (tx: Tx, part: P, postmortem: Postmortem) => Promise<T>,
  auditData: (part: P) => Record<string, unknown> = () => ({}),
): Promise<T> {
  return inTransaction(deps, async (tx) => {
    const part = await find(tx.db, target.id);
    if (!part) {
      throw new DomainError('NOT_FOUND', `${kind.label} not found.`);
    }
    const postmortem = await loadPostmortemFor(
      tx,
      actor,
      part.postmortemId,
      'postmortem.update',
    ).catch((error: unknown) => {
      throw isDomainError(error, 'NOT_FOUND')
        ? new DomainError('NOT_FOUND', `${kind.label} not found.`)
        : error;
    });
    if (target.expectedVersion !== null && part.version !== target.expectedVersion) {
      throw new DomainError('VERSION_MISMATCH', `${kind.label} was changed by someone else.`, {
        details: { currentVersion: part.version, expectedVersion: target.expectedVersion },
      });
    }
    const result = await apply(tx, part, postmortem);
    await finish(tx, actor, part.postmortemId, kind, target.verb, part.id, auditData(part));
    return result;
  });
}

/**
 * Builds the remove use case of a kind of part: version-checked delete, postmortem touched,
 * `<type>.removed` audited, all in one transaction.
 */
export function partRemover<P extends PartRecord>(
  kind: PartKind,
  repository: {
    findById: (db: Database, id: string) => Promise<P | undefined>;
    remove: (db: Database, id: string, expectedVersion: number) => Promise<void>;
  },
  auditData?: (part: P) => Record<string, unknown>,
) {
  return (deps: AppDeps, actor: Actor, id: string, expectedVersion: number): Promise<void> =>
    changePart(
      deps,
      actor,
      kind,
      { id, expectedVersion, verb: 'removed' },
      repository.findById,
      (tx) => repository.remove(tx.db, id, expectedVersion),
      auditData,
    );
}

/**
 * Reads parts of a postmortem the actor may see through `read`, which gets the postmortem too
 * (for the viewer's abilities): for lists the database renders itself.
 */
export async function readParts<T>(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  read: (db: Database, postmortem: Postmortem) => Promise<T>,
): Promise<T> {
  return inTransaction(deps, async (tx) =>
    read(tx.db, await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read')),
  );
}

/** Lists the parts of a postmortem the actor may see. */
export async function listParts<P>(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  list: (db: Database, postmortemId: string) => Promise<P[]>,
): Promise<{ postmortem: Postmortem; items: P[] }> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    return { postmortem, items: await list(tx.db, postmortemId) };
  });
}
