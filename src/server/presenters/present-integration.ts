import type { IntegrationKind, IntegrationView } from '../../contracts/integrations.ts';
import type { IntegrationRecord } from '../../storage/repositories/integrations-repository.ts';

/** An integration for the API: never its token hash or signing secret. */
export function presentIntegration(record: IntegrationRecord): IntegrationView {
  return {
    id: record.id,
    kind: record.kind as IntegrationKind,
    name: record.name,
    signed: record.signingSecret !== null,
    createdAt: record.createdAt.toISOString(),
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}
