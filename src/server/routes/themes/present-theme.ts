import type { ThemeView } from '../../../app/themes/list-themes.ts';
import type { ThemeDto } from '../../../contracts/themes.ts';
import { formatRecordNumber } from '../../../domain/record-number.ts';

/** A theme for the API, with the body that opens its thematic postmortem. */
export function presentTheme({ theme, incidents, recurringMinorIssue }: ThemeView): ThemeDto {
  const label = theme.terms.slice(0, 3).join(', ') || incidents[0]?.title || 'related incidents';
  return {
    terms: theme.terms,
    count: theme.count,
    totalDurationSeconds: theme.totalDurationSeconds,
    withoutPostmortem: theme.withoutPostmortem,
    services: theme.services,
    factorCategories: theme.factorCategories,
    severities: theme.severities,
    from: theme.from.toISOString(),
    to: theme.to.toISOString(),
    incidents: incidents.map((incident) => ({
      ...incident,
      number: formatRecordNumber(incident.number),
      occurredAt: incident.occurredAt.toISOString(),
    })),
    recurringMinorIssue: recurringMinorIssue && {
      incidentIds: recurringMinorIssue.incidentIds,
      dueOn: recurringMinorIssue.dueOn,
    },
    suggestedPostmortem: {
      incidentIds: theme.ids,
      title: `Thematic review: ${label} (${theme.count} incidents)`.slice(0, 200),
    },
  };
}
