import type { AuditEntry } from '../storage/repositories/audit-repository.ts';
import { auditRepository } from '../storage/repositories/audit-repository.ts';
import type { AppDeps } from './app-deps.ts';

/** Records an audit event in the caller's transaction, stamped with the clock. */
export async function recordAudit(
  deps: AppDeps,
  entry: Omit<AuditEntry, 'occurredAt'>,
): Promise<void> {
  await auditRepository.record(deps.db, { ...entry, occurredAt: deps.clock() });
}
