import type { User } from '../../domain/user.ts';
import type { AppDeps } from '../app-deps.ts';
import { createIncident } from '../incidents/create-incident.ts';
import { createActionItem } from '../parts/action-items.ts';
import { addContributingFactor } from '../parts/contributing-factors.ts';
import { addParticipant } from '../parts/participants.ts';
import { addTimelineEvent } from '../parts/timeline-events.ts';
import { changePostmortemPhase } from '../postmortems/change-postmortem-phase.ts';
import { openPostmortem } from '../postmortems/open-postmortem.ts';
import { updatePostmortem } from '../postmortems/update-postmortem.ts';
import { importServices } from '../services/import-services.ts';

/** The demo's service catalogue: what the demo incident touched, what depends on what, whose it is. */
const demoServices = [
  {
    name: 'payments-db',
    description: 'PostgreSQL cluster of the payments domain.',
    dependsOn: [],
    team: 'payments',
    ownerUserId: null,
  },
  {
    name: 'config-service',
    description: 'Rolls configuration changes out to every service.',
    dependsOn: [],
    team: 'platform',
    ownerUserId: null,
  },
  {
    name: 'checkout-api',
    description: 'Takes orders and payments from the storefront.',
    dependsOn: ['payments-db', 'config-service'],
    team: 'payments',
    ownerUserId: null,
  },
  {
    name: 'storefront',
    description: 'The web shop customers see.',
    dependsOn: ['checkout-api'],
    team: 'storefront',
    ownerUserId: null,
  },
];

/** Minutes after the demo incident began, as an ISO instant. */
const at = (start: Date, minutes: number) =>
  new Date(start.getTime() + minutes * 60_000).toISOString();

/**
 * Loads an invented but realistic incident, the services it touched (with their
 * dependencies) and its postmortem (in analysis) so that a first look at Debrief is not an
 * empty screen. Loading it again replaces the demo services and adds another incident.
 */
export async function loadDemo(deps: AppDeps, actor: User) {
  // Two days ago, so that the deadlines shown are those of a review that just started.
  const now = deps.clock();
  const start = new Date(Math.floor((now.getTime() - 2 * 86_400_000) / 60_000) * 60_000);
  const inThreeWeeks = new Date(now.getTime() + 21 * 86_400_000).toISOString().slice(0, 10);
  await importServices(deps, actor, { services: demoServices }, '');
  const incident = await createIncident(deps, actor, {
    title: 'Checkout requests timing out after connection-pool change',
    summary:
      'For 47 minutes about 18% of checkout requests timed out. A configuration change reduced the payments database connection pool from 50 to 5 connections per pod.',
    kind: 'outage',
    severity: 'sev2',
    potentialSeverity: null,
    isDrill: false,
    services: ['checkout-api', 'payments-db', 'config-service'],
    memberIds: [],
    instants: {
      started_at: { at: at(start, 0), source: 'metric', precision: 'exact' },
      detected_at: { at: at(start, 6), source: 'alertmanager', precision: 'exact' },
      acknowledged_at: { at: at(start, 9), source: 'pagerduty', precision: 'exact' },
      mitigated_at: { at: at(start, 41), source: 'manual', precision: 'estimated' },
      resolved_at: { at: at(start, 47), source: 'manual', precision: 'exact' },
    },
  });
  const postmortem = await openPostmortem(deps, actor, {
    incidentIds: [incident.id],
    memberIds: [],
  });
  const events: Array<
    [
      number,
      string,
      (
        | 'detection'
        | 'escalation'
        | 'communication'
        | 'action'
        | 'mitigation'
        | 'resolution'
        | 'observation'
      ),
    ]
  > = [
    [-12, 'Configuration change "tune-db-pools" rolled out to all checkout-api pods.', 'action'],
    [0, 'p99 latency of checkout-api rises from 300 ms to 9 s.', 'observation'],
    [6, 'Alert CheckoutErrorRateHigh fires (error rate 18%).', 'detection'],
    [9, 'On-call engineer acknowledges the page and opens #inc-checkout.', 'escalation'],
    [15, 'Status page updated: "Some customers cannot complete purchases".', 'communication'],
    [28, 'Connection-pool saturation spotted on the payments-db dashboard.', 'observation'],
    [36, 'Configuration change reverted.', 'mitigation'],
    [41, 'Error rate back under 1%.', 'mitigation'],
    [47, 'Incident resolved after 6 minutes of stable metrics.', 'resolution'],
  ];
  for (const [minutes, text, kind] of events) {
    await addTimelineEvent(deps, actor, postmortem.id, {
      occurredAt: at(start, minutes),
      text,
      kind,
      actor: null,
      pinned: kind === 'detection' || kind === 'mitigation',
    });
  }
  await addParticipant(deps, actor, postmortem.id, {
    name: actor.name,
    userId: actor.id,
    role: 'facilitator',
  });
  await addParticipant(deps, actor, postmortem.id, {
    name: 'Payments on-call',
    userId: null,
    role: 'engineering',
  });
  await addParticipant(deps, actor, postmortem.id, {
    name: 'Support lead',
    userId: null,
    role: 'support',
  });
  const rootCause = await addContributingFactor(deps, actor, postmortem.id, {
    description:
      'Pool-size settings are not validated against the expected peak concurrency before rollout.',
    category: 'change_management',
    isRootCause: true,
    acceptedRiskReason: null,
  });
  await addContributingFactor(deps, actor, postmortem.id, {
    description:
      'The connection-pool saturation metric had no alert, so detection relied on the error rate.',
    category: 'detection_gap',
    isRootCause: false,
    acceptedRiskReason: null,
  });
  await createActionItem(deps, actor, postmortem.id, {
    title: 'Validate pool sizes against peak concurrency in the config pipeline',
    kind: 'prevent',
    ownerName: 'Platform team',
    ownerUserId: null,
    dueDate: inThreeWeeks,
    successCriterion: 'A change that sets a pool below observed p99 concurrency fails CI.',
    status: 'in_progress',
    wontDoReason: null,
    trackerUrl: null,
    verificationEvidence: null,
    verificationNote: null,
    priority: 'p2',
    team: null,
    services: [],
    isIdea: false,
    linkedFactorIds: [rootCause.id],
    linkedWhyNodeIds: [],
    reliesOnServices: ['config-service'],
  });
  await createActionItem(deps, actor, postmortem.id, {
    title: 'Alert on connection-pool saturation above 90% for 2 minutes',
    kind: 'detect',
    ownerName: null,
    ownerUserId: null,
    dueDate: null,
    successCriterion: null,
    status: 'open',
    wontDoReason: null,
    trackerUrl: null,
    verificationEvidence: null,
    verificationNote: null,
    priority: 'p2',
    team: null,
    services: [],
    isIdea: false,
    linkedFactorIds: [],
    linkedWhyNodeIds: [],
    reliesOnServices: ['alertmanager', 'pagerduty'],
  });
  const edited = await updatePostmortem(deps, actor, postmortem.id, postmortem.version, {
    sections: {
      summary:
        'A configuration change lowered the payments database connection pool per pod; checkout requests queued for connections and timed out until the change was reverted.',
    },
  });
  // The timeline is gathered: the demo review stands in analysis, waiting for its meeting.
  await changePostmortemPhase(deps, actor, postmortem.id, edited.version, { to: 'analysis' });
  return { incident, postmortem };
}
