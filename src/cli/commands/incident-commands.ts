import { createIncident } from '../../app/incidents/create-incident.ts';
import { listIncidents } from '../../app/incidents/read-incidents.ts';
import { createIncidentBodySchema, listIncidentsQuerySchema } from '../../contracts/incident.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import { presentIncident } from '../../server/presenters/present-incident.ts';
import { formatTable, printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface CommonOptions extends RuntimeOptions {
  as?: string;
  json: boolean;
}

/** `debrief incident create`: records an incident from flags. */
export async function incidentCreate(
  options: CommonOptions & {
    title: string;
    kind: string;
    severity: string;
    potentialSeverity?: string;
    service?: string[];
    startedAt?: string;
    detectedAt?: string;
    mitigatedAt?: string;
    resolvedAt?: string;
    drill?: boolean;
    restricted?: boolean;
  },
): Promise<void> {
  const instant = (at: string | undefined) => (at ? { at } : undefined);
  const input = createIncidentBodySchema.parse({
    title: options.title,
    kind: options.kind,
    severity: options.severity,
    potentialSeverity: options.potentialSeverity ?? null,
    services: options.service ?? [],
    isDrill: options.drill ?? false,
    ...(options.restricted === undefined ? {} : { restricted: options.restricted }),
    instants: Object.fromEntries(
      Object.entries({
        started_at: instant(options.startedAt),
        detected_at: instant(options.detectedAt),
        mitigated_at: instant(options.mitigatedAt),
        resolved_at: instant(options.resolvedAt),
      }).filter(([, v]) => v !== undefined),
    ),
  });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const incident = await createIncident(deps, actor, input);
    const presented = presentIncident({ incident, postmortemIds: [] }, actor, deps.policy);
    printResult(options.json, presented.data, () => [
      `Created incident #${formatRecordNumber(incident.number)} ${incident.id}`,
      ...(presented.data.postmortemRequired
        ? [`A postmortem is required (${presented.data.postmortemRequiredReasons.join(', ')}).`]
        : []),
    ]);
  });
}

/** `debrief incident list`: incidents the acting account may see, with filters. */
export async function incidentList(
  options: CommonOptions & {
    kind?: string;
    severity?: string;
    status?: string;
    service?: string;
    from?: string;
    to?: string;
    limit?: string;
  },
): Promise<void> {
  const query = listIncidentsQuerySchema.parse({
    kind: options.kind,
    severity: options.severity,
    status: options.status,
    service: options.service,
    from: options.from,
    to: options.to,
    limit: options.limit,
  });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const page = await listIncidents(deps, actor, query);
    const items = page.items.map((view) => presentIncident(view, actor, deps.policy).data);
    printResult(options.json, { data: items, total: page.total }, () => [
      ...formatTable([
        ['#', 'SEVERITY', 'KIND', 'STATUS', 'STARTED', 'TITLE'],
        ...items.map((i) => [
          i.number,
          i.severity,
          i.kind,
          i.status,
          i.instants.started_at?.at ?? '-',
          i.title,
        ]),
      ]),
      `${items.length} of ${page.total} incident(s)`,
    ]);
  });
}
