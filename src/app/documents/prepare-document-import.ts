import { createHash } from 'node:crypto';
import type { Policy } from '../../domain/policy.ts';
import { availableTemplates } from '../../domain/report-template.ts';
import type { ImportedEvent, ImportWarning } from '../../importers/imported-event.ts';
import { markdownTableConverter } from '../../importers/markdown-table/markdown-table-converter.ts';
import type { DocumentImport, UnplacedPart } from '../../reports/document-import.ts';
import { placeDurations } from '../../reports/place-durations.ts';
import { isDebriefDocument, readDebriefDocument } from '../../reports/read-debrief-document.ts';
import { readForeignDocument } from '../../reports/read-foreign-document.ts';

/** A document read and checked, ready to become a postmortem (or to be described by a dry run). */
export interface PreparedDocument {
  fileName: string;
  document: DocumentImport;
  /** The timeline rows as the import pipeline takes them. */
  events: ImportedEvent[];
  /** Why the file is not imported (it holds no postmortem), or `null`. */
  skipped: string | null;
}

const rowId = (index: number, text: string) =>
  `document-row-${index + 1}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;

/** Timeline rows the Markdown reader could not place, kept in the unplaced part. */
const skippedRows = (warnings: ImportWarning[]): UnplacedPart[] =>
  warnings.map((w) => ({
    heading: 'timeline row not imported',
    text: `${w.code}: ${w.message}`,
    line: Number(w.where?.split(':').pop()) || 0,
  }));

/**
 * Reads one Markdown document: a postmortems-as-code document (front matter) exactly, or
 * another team's postmortem by its sections, its timeline through the Markdown timeline
 * reader, and its durations placed from the start. Pure apart from hashing; the caller does IO.
 */
export async function prepareDocumentImport(
  text: string,
  fileName: string,
  policy: Policy,
): Promise<PreparedDocument> {
  const templates = availableTemplates(policy.reportSections, policy.reportTemplates);
  if (isDebriefDocument(text)) {
    const document = readDebriefDocument(text, fileName, templates);
    const events = document.timeline.map(
      (row, index): ImportedEvent => ({
        externalId: rowId(index, `${row.at.toISOString()}\u0000${row.text}`),
        occurredAt: row.at,
        originalTimestamp: row.at.toISOString(),
        originalZone: 'UTC',
        text: row.text,
        kind: row.kind,
        actor: row.actor,
        sourceRef: fileName,
        rawRef: null,
        details: { importedFrom: 'debrief-document' },
        ambiguities: [],
      }),
    );
    return { fileName, document, events, skipped: null };
  }
  const document = readForeignDocument(text, fileName, {
    categories: policy.factorTaxonomy.map((c) => c.key),
  });
  const events: ImportedEvent[] = [];
  if (document.timelineText) {
    for await (const chunk of markdownTableConverter.convert(
      { kind: 'text', fileName, text: document.timelineText },
      {},
    )) {
      events.push(...chunk.events);
      document.unplaced.push(...skippedRows(chunk.warnings ?? []));
    }
  }
  const earliest = events.reduce<Date | null>(
    (min, e) => (min === null || e.occurredAt < min ? e.occurredAt : min),
    null,
  );
  const [incident] = document.incidents;
  if (incident) {
    const placed = placeDurations(incident.instants, document.durations, earliest);
    incident.instants = placed.instants;
    if (placed.startFromTimeline) {
      document.assumed.push('started_at is the earliest timeline row (estimated)');
    }
    for (const duration of placed.unplaced) {
      document.unplaced.push({ heading: 'duration without a start', text: duration.text, line: 0 });
    }
  }
  const recognised =
    events.length +
    document.factors.length +
    document.actionItems.length +
    Object.keys(document.sections).length;
  return {
    fileName,
    document,
    events,
    skipped: recognised === 0 ? 'no postmortem section recognised' : null,
  };
}
