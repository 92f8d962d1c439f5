import { findThemes, type Theme, type ThemeCandidate } from '../../analysis/themes/find-themes.ts';
import type { Severity } from '../../domain/incident.ts';
import {
  findRecurringMinorIssue,
  type RecurringMinorIssue,
} from '../../domain/recurring-minor-issue.ts';
import type { Actor } from '../../domain/user.ts';
import {
  type ThemeCandidateRow,
  themeCandidatesRepository,
} from '../../storage/repositories/theme-candidates-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** One incident of a theme, as the theme view lists it. */
export interface ThemeIncident {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  occurredAt: Date;
  postmortemIds: string[];
}

/** A theme with its incidents and, when the policy's trigger holds, the thematic review it requires. */
export interface ThemeView {
  theme: Theme;
  incidents: ThemeIncident[];
  /** Set when the recurring-minor-issue trigger holds: a thematic postmortem is required. */
  recurringMinorIssue: RecurringMinorIssue | null;
}

/** The default look-back of the themes view. */
export const defaultThemeLookbackDays = 90;

const earliestInstant = Date.parse('0001-01-01T00:00:00Z');

/** Theme candidates from stored incidents: their words, services and causes. */
export function toThemeCandidate(row: ThemeCandidateRow): ThemeCandidate {
  return {
    id: row.id,
    title: row.title,
    text: [row.summary, row.reviewText].filter(Boolean).join('\n'),
    services: row.services,
    factorCategories: row.factorCategories,
    occurredAt: row.occurredAt,
    severity: row.severity,
    durationSeconds: row.durationSeconds,
    hasPostmortem: row.postmortemIds.length > 0,
  };
}

/**
 * Themes among the incidents the actor may see in a window (by default the last 90 days):
 * groups of related incidents with their aggregate impact, each proposed as a thematic
 * postmortem, and marked as required when the policy's recurring-minor-issue trigger holds.
 */
export async function listThemes(
  deps: AppDeps,
  actor: Actor,
  window: { since?: Date; until?: Date } = {},
): Promise<ThemeView[]> {
  const until = window.until ?? deps.clock();
  // Clamped to year 1: before it, PostgreSQL would be sent a year it cannot read.
  const since =
    window.since ??
    new Date(Math.max(earliestInstant, until.getTime() - defaultThemeLookbackDays * 86_400_000));
  const rows = await themeCandidatesRepository.listIncidents(deps.db, actor, { since, until });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const themes = findThemes(rows.map(toThemeCandidate), {
    windowDays: deps.policy.recurringMinorIssues.windowDays,
    threshold: 0.3,
  });
  return themes.map((theme) => {
    const members = theme.ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    });
    return {
      theme,
      incidents: members.map((row) => ({
        id: row.id,
        number: row.number,
        title: row.title,
        severity: row.severity,
        occurredAt: row.occurredAt,
        postmortemIds: row.postmortemIds,
      })),
      recurringMinorIssue: findRecurringMinorIssue(deps.policy, members),
    };
  });
}
