import type { KeyInstantName } from '../../domain/incident.ts';
import type { ImportedEvent, ImportResult } from '../imported-event.ts';
import { dispatchEventKind } from './event-kind.ts';
import type { DispatchRow, DispatchTable } from './payload-schema.ts';
import { type RowPlace, requireColumn, rowEvent } from './row-event.ts';

type TableReader = (row: DispatchRow, place: RowPlace, result: ImportResult) => void;

function push(result: ImportResult, event: ImportedEvent | null, instant?: KeyInstantName): void {
  if (event === null) {
    return;
  }
  result.events.push(event);
  if (instant !== undefined) {
    result.instants.push({
      name: instant,
      at: event.occurredAt,
      source: 'dispatch',
      evidenceExternalId: event.externalId,
    });
  }
}

const incidentRef = (row: DispatchRow) => `incident:${row.incident_id ?? 'unknown'}`;

const readers: Record<string, TableReader> = {
  event(row, place, result) {
    const description = requireColumn(row, 'description', place);
    const what = { column: 'started_at', key: '', kind: dispatchEventKind(description) };
    const extra = {
      actor: row.source ?? null,
      sourceRef: incidentRef(row),
      details: { incidentId: row.incident_id ?? null, uuid: row.uuid ?? null },
    };
    push(result, rowEvent(row, place, { ...what, text: description }, extra));
  },
  incident(row, place, result) {
    const name = requireColumn(row, 'name', place);
    const title = row.title ?? name;
    const extra = {
      actor: null,
      sourceRef: `incident:${requireColumn(row, 'id', place)}`,
      details: { name, title, status: row.status ?? null, priorityId: row.incident_priority_id },
    };
    const single = place.rowCount === 1;
    const steps = [
      ['reported_at', 'reported', 'detection', 'detected_at'],
      ['stable_at', 'stable', 'mitigation', 'mitigated_at'],
      ['closed_at', 'closed', 'resolution', 'resolved_at'],
    ] as const;
    for (const [column, key, kind, instant] of steps) {
      const text = `Incident ${name} ${key}: ${title}`;
      const event = rowEvent(row, place, { column, key, kind, text }, extra);
      push(result, event, single ? instant : undefined);
    }
  },
  task(row, place, result) {
    const description = row.description ?? 'task';
    const extra = {
      actor: row.owner_id ? `participant ${row.owner_id}` : null,
      sourceRef: incidentRef(row),
      details: {
        incidentId: row.incident_id ?? null,
        status: row.status,
        resolveBy: row.resolve_by,
      },
    };
    const created = { column: 'created_at', key: 'created', kind: 'action' as const };
    push(result, rowEvent(row, place, { ...created, text: `Task created: ${description}` }, extra));
    const resolved = { column: 'resolved_at', key: 'resolved', kind: 'action' as const };
    push(
      result,
      rowEvent(row, place, { ...resolved, text: `Task resolved: ${description}` }, extra),
    );
  },
  participant_role(row, place, result) {
    const role = requireColumn(row, 'role', place);
    const who = `participant ${row.participant_id ?? '?'}`;
    const extra = {
      actor: who,
      sourceRef: `participant:${row.participant_id ?? '?'}`,
      details: { role },
    };
    const assumed = { column: 'assumed_at', key: 'assumed', kind: 'escalation' as const };
    push(result, rowEvent(row, place, { ...assumed, text: `${who} assumed role ${role}` }, extra));
    const renounced = { column: 'renounced_at', key: 'renounced', kind: 'action' as const };
    push(
      result,
      rowEvent(row, place, { ...renounced, text: `${who} renounced role ${role}` }, extra),
    );
  },
};

/**
 * One table of Netflix Dispatch's database (as JSON rows): timeline entries, incidents, tasks
 * and role changes become events; the other tables hold no instants and give a warning.
 */
export function dispatchToTimelineEvents(table: DispatchTable, fileName: string): ImportResult {
  const result: ImportResult = { source: 'dispatch', events: [], instants: [], warnings: [] };
  const name = table._source_table.slice(table._source_table.indexOf('.') + 1);
  const reader = Object.hasOwn(readers, name) ? readers[name] : undefined;
  if (reader === undefined) {
    result.warnings.push({
      code: 'DISPATCH_TABLE_WITHOUT_EVENTS',
      message: `Dispatch table ${name} holds no timeline instants; nothing imported.`,
      where: fileName,
    });
    return result;
  }
  table.rows.forEach((row, index) => {
    reader(row, { fileName, table: name, index, rowCount: table.rows.length }, result);
  });
  if (name === 'incident' && table.rows.length > 1) {
    result.warnings.push({
      code: 'DISPATCH_SEVERAL_INCIDENTS',
      message: `${table.rows.length} incidents in one file: no key instants proposed.`,
      where: fileName,
    });
  }
  return result;
}
