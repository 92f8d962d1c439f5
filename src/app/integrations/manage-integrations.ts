import type { CreateIntegrationBody } from '../../contracts/integrations.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import {
  type IntegrationRecord,
  integrationsRepository,
} from '../../storage/repositories/integrations-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { hashSecret, newSecret } from '../secrets.ts';

/** Prefix of webhook URL tokens, so that a leaked URL is easy to spot. */
export const webhookTokenPrefix = 'dbw_';

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') {
    throw new DomainError('FORBIDDEN', 'Only admins manage integrations.');
  }
}

/** Creates an integration; its URL token is returned this once and stored as SHA-256. */
export async function createIntegration(
  deps: AppDeps,
  actor: Actor,
  input: CreateIntegrationBody,
): Promise<IntegrationRecord & { token: string }> {
  requireAdmin(actor);
  return inTransaction(deps, async (tx) => {
    const token = `${webhookTokenPrefix}${newSecret()}`;
    const record = await integrationsRepository.insert(tx.db, {
      id: tx.newId(),
      kind: input.kind,
      name: input.name,
      tokenHash: hashSecret(token),
      signingSecret: input.signingSecret ?? null,
      createdById: actor.id,
      createdAt: tx.clock(),
      revokedAt: null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'integration.created',
      subjectType: 'integration',
      subjectId: record.id,
      data: { kind: input.kind, name: input.name, signed: input.signingSecret !== undefined },
    });
    return { ...record, token };
  });
}

/** Every integration (admins only). */
export async function listIntegrations(deps: AppDeps, actor: Actor): Promise<IntegrationRecord[]> {
  requireAdmin(actor);
  return integrationsRepository.list(deps.db);
}

/** Revokes an integration: its URL token and secret stop working at once. */
export async function revokeIntegration(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  await inTransaction(deps, async (tx) => {
    if (!(await integrationsRepository.revoke(tx.db, id, tx.clock()))) {
      throw new DomainError('NOT_FOUND', 'Integration not found.');
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'integration.revoked',
      subjectType: 'integration',
      subjectId: id,
    });
  });
}

/** The live integration a URL token belongs to, or undefined. */
export async function findIntegrationByToken(
  deps: AppDeps,
  kind: string,
  token: string,
): Promise<IntegrationRecord | undefined> {
  if (!token.startsWith(webhookTokenPrefix)) {
    return undefined;
  }
  return integrationsRepository.findLiveByToken(deps.db, kind, hashSecret(token));
}

/** Live integrations of a kind with a signing secret. */
export async function listSignedIntegrations(
  deps: AppDeps,
  kind: string,
): Promise<IntegrationRecord[]> {
  return integrationsRepository.listLiveSigned(deps.db, kind);
}
