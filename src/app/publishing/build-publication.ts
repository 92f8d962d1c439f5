import type { Postmortem } from '../../domain/postmortem.ts';
import { type PublicationAudience, publicationContent } from '../../domain/publication.ts';
import { defaultPublishingPolicy } from '../../domain/publishing-policy.ts';
import type { Actor } from '../../domain/user.ts';
import { buildReport, type Report } from '../../reports/build-report.ts';
import {
  feedSummary,
  summaryReport,
  withoutEmptySections,
} from '../../reports/publication/publication-report.ts';
import { previewMarks } from '../../reports/publication/render-publication.ts';
import { type LocatedRedaction, redactReport } from '../../reports/redaction/redact-report.ts';
import { compileRedaction, type RedactedPerson } from '../../reports/redaction/redact-text.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { usersRepository } from '../../storage/repositories/users-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { loadReportData } from '../documents/load-report-data.ts';
import { findSensitiveProcess } from './find-sensitive-process.ts';

/** The words a public version says instead of a participant's name, by their role. */
const roleWords: Record<string, string> = {
  engineering: 'an engineer',
  product: 'a product manager',
  support: 'a support engineer',
  management: 'a manager',
  facilitator: 'the facilitator',
  reviewer: 'a reviewer',
  incident_owner: 'the incident owner',
};
const someone = 'a team member';

/** What a publication is made of: the report as published and, for the public, the redactions. */
export interface BuiltPublication {
  report: Report;
  /** The same report with each redaction marked, for the preview (public only). */
  marked?: Report;
  redactions: LocatedRedaction[];
  feedSummary: string;
}

/**
 * Builds what is published of a postmortem, in the caller's transaction: the report from its
 * OPEN sections only (restricted sections are never published, whoever publishes), cut to the
 * learning summary under the modified process or when the review is restricted, and for the
 * public audience redacted by the policy's rules — every person named in the review or holding
 * an account replaced by their role.
 */
export async function buildPublication(
  deps: AppDeps,
  actor: Actor,
  postmortem: Postmortem,
  audience: PublicationAudience,
): Promise<BuiltPublication> {
  const data = await loadReportData(deps, actor, postmortem.id);
  const incidents = await incidentsRepository.findIncidentsByIds(deps.db, postmortem.incidentIds);
  const content = publicationContent(
    postmortem.restricted || incidents.some((i) => i.restricted),
    await findSensitiveProcess(deps, postmortem, incidents),
  );
  const full = buildReport({
    ...data,
    postmortem: { ...data.postmortem, sections: postmortem.sections, restricted: false },
  });
  const report = withoutEmptySections(
    content.mode === 'summary' ? summaryReport(full, content.sections) : full,
  );
  if (audience === 'internal') {
    return { report, redactions: [], feedSummary: feedSummary(report) };
  }
  const people = await peopleOf(deps, data.participants);
  const labels = new Map(
    people.flatMap((person) => person.names.map((name) => [name.toLowerCase(), person.label])),
  );
  const compiled = compileRedaction(
    (deps.policy.publishing ?? defaultPublishingPolicy).redaction,
    people,
  );
  const personLabel = (name: string) => labels.get(name.trim().toLowerCase());
  const redacted = redactReport(report, compiled, { personLabel });
  const marked = redactReport(report, compiled, { personLabel, marks: previewMarks });
  return {
    report: redacted.report,
    marked: marked.report,
    redactions: redacted.redactions,
    feedSummary: feedSummary(redacted.report),
  };
}

/**
 * The local part of an e-mail when it looks like a handle (`kenji.t`, `sam_o`, `robin2`) rather
 * than a word that would blank out prose (`admin`, `oncall`).
 */
const handleOf = (email: string) => {
  const local = email.split('@')[0] ?? '';
  return /[._\d-]/.test(local) ? local : '';
};

/**
 * Everyone a public version must not name: the review's participants (as their role) and every
 * account holder (by name and the local part of their e-mail, a frequent chat handle).
 */
async function peopleOf(
  deps: AppDeps,
  participants: ReadonlyArray<{ name: string; role: string; userId: string | null }>,
): Promise<RedactedPerson[]> {
  const users = await usersRepository.listUsers(deps.db);
  const byId = new Map(users.map((u) => [u.id, u]));
  const named = new Set<string>();
  const people: RedactedPerson[] = participants.map((p) => {
    const user = p.userId ? byId.get(p.userId) : undefined;
    if (user) {
      named.add(user.id);
    }
    return {
      names: [p.name, ...(user ? [user.name, handleOf(user.email)] : [])],
      label: roleWords[p.role] ?? someone,
    };
  });
  for (const user of users) {
    if (!named.has(user.id)) {
      people.push({ names: [user.name, handleOf(user.email)], label: someone });
    }
  }
  return people;
}
