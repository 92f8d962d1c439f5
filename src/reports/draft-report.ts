import type { Report, ReportIncident } from './build-report.ts';
import { formatMinutes } from './durations.ts';

/** `09:06 UTC` (with the day when it differs from the start's: `2026-03-02 09:06 UTC`). */
function clockOf(iso: string, startIso: string | undefined): string {
  const sameDay = startIso?.slice(0, 10) === iso.slice(0, 10);
  return `${sameDay ? iso.slice(11, 16) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`} UTC`;
}

const sourceNames: Record<string, string> = {
  alertmanager: 'an Alertmanager alert',
  grafana: 'a Grafana alert',
  pagerduty: 'a PagerDuty page',
  opsgenie: 'an Opsgenie alert',
  metric: 'a metric',
  log: 'the logs',
  slack: 'a Slack message',
  statuspage: 'a status page update',
  github: 'a GitHub event',
  manual: 'a person on the team',
  document: 'the incident document',
};

const list = (items: string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

function durationsSentence(incident: ReportIncident): string {
  const parts = incident.durations.map(
    (d) =>
      `${d.label.replace(/^Time to /, 'time to ')} ${formatMinutes(d.minutes)}${d.estimated ? ' (estimated)' : ''}`,
  );
  return parts.length ? `Durations: ${list(parts)}.` : '';
}

function detectionSentence(incident: ReportIncident): string {
  const detected = incident.instants.find((i) => i.name === 'detected_at');
  const started = incident.instants.find((i) => i.name === 'started_at');
  if (!detected) {
    return '';
  }
  const by = sourceNames[detected.source] ?? `the ${detected.source} source`;
  const after = incident.durations.find((d) => d.name === 'time_to_detect');
  return `It was detected at ${clockOf(detected.at, started?.at)} through ${by}${after ? `, ${formatMinutes(after.minutes)} after it started` : ''}.`;
}

/**
 * A first draft of the report, generated from the data alone (no AI service, no clock, no
 * randomness): a summary sentence with the durations, how the incident was detected, the
 * services affected and the pinned moments in prose; the impact from the durations and the
 * impact figures. Its own wording names systems and instants, never people. Quoted timeline
 * texts are included only when `acceptText` says they are blameless (the caller runs the
 * linter). Returns texts by section key; the caller fills only the empty sections.
 */
export function draftReport(
  report: Report,
  options: { acceptText: (text: string) => boolean },
): Record<string, string> {
  const incident = report.incidents[0];
  if (!incident) {
    return {};
  }
  const start = incident.instants.find((i) => i.name === 'started_at');
  const services = [...new Set(report.incidents.flatMap((i) => i.services))];
  const kind = incident.kind.replace('_', ' ');
  const opening =
    report.incidents.length > 1
      ? `This review covers ${report.incidents.length} incidents (${report.incidents.map((i) => `${i.title}, ${i.severity}`).join('; ')}).`
      : `${incident.title}: ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} of severity ${incident.severity}${start ? ` that started at ${clockOf(start.at, undefined)}` : ''}.`;
  const pinned = report.timeline
    .filter((e) => e.pinned && options.acceptText(e.text))
    .map((e) => `at ${clockOf(e.at, start?.at)}, ${e.text.trim().replace(/[.\s]+$/, '')}`);
  const summary = [
    opening,
    detectionSentence(incident),
    durationsSentence(incident),
    services.length ? `Services affected: ${list(services)}.` : '',
    pinned.length ? `Key moments: ${pinned.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const resolve = incident.durations.find((d) => d.name === 'time_to_resolve');
  const impact = [
    resolve
      ? `The incident lasted ${formatMinutes(resolve.minutes)} from start to resolution${resolve.estimated ? ' (estimated)' : ''}.`
      : '',
    services.length ? `Affected services: ${list(services)}.` : '',
    ...report.impactFigures.map((f) => `${f.label}: ${f.value}.`),
  ]
    .filter(Boolean)
    .join(' ');
  const detection = detectionSentence(incident);
  return Object.fromEntries(
    Object.entries({ summary, impact, detection }).filter(([, text]) => text.trim() !== ''),
  );
}
