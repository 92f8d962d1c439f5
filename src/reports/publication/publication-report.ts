import type { Report } from '../build-report.ts';

/**
 * The summary of a report: the incident's facts, its key instants and the named text sections
 * only. Everything else — timeline, why-tree, factors, action items, participants, the
 * incidents' own summaries — is emptied, not just hidden, so that no renderer can show it.
 */
export function summaryReport(report: Report, sections: readonly string[]): Report {
  return {
    ...report,
    incidents: report.incidents.map((incident) => ({ ...incident, summary: '' })),
    timeline: [],
    whyTree: [],
    factors: [],
    actionItems: [],
    participants: [],
    parts: report.parts.filter(
      (part) =>
        part.block === 'incident_facts' ||
        part.block === 'key_instants' ||
        (part.block === 'text' && sections.includes(part.key)),
    ),
  };
}

/** A published report shows no empty text sections and no heading left with nothing under it. */
export function withoutEmptySections(report: Report): Report {
  const parts = report.parts.filter((part) => part.block !== 'text' || part.markdown.trim() !== '');
  return {
    ...report,
    parts: parts.filter((part, index) => {
      if (part.block !== 'heading') {
        return true;
      }
      const next = parts[index + 1];
      return next !== undefined && next.block !== 'heading' && next.level > part.level;
    }),
  };
}

/** The first words of the report's first text section, as plain text: a feed entry's summary. */
export function feedSummary(report: Report, maxLength = 400): string {
  const first = report.parts.find((p) => p.block === 'text' && p.markdown.trim() !== '');
  const text = first && first.block === 'text' ? first.markdown : '';
  const plain = text
    .replace(/[`*_>#[\]()!|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 1).trimEnd()}…` : plain;
}
