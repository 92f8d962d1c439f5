import { defaultPolicy } from '../../src/domain/policy.ts';
import { defaultTemplate } from '../../src/domain/report-template.ts';
import type { TimelineEventKind } from '../../src/domain/timeline-event.ts';
import type { ReportData } from '../../src/reports/report-data.ts';

const kinds: TimelineEventKind[] = ['observation', 'action', 'communication', 'detection'];
const phrases = [
  'p99 latency of checkout-api rises to 9 s on the payments path',
  'Connection-pool saturation visible on the payments-db dashboard | 100% of 5',
  'Status page updated: "Some customers cannot complete purchases" <for EU>',
  'Configuration change tune-db-pools reverted by the config pipeline',
  'Error rate back under 1% after the revert & cache warm-up',
];

/** A realistic postmortem with `events` timeline events, deterministic (no randomness). */
export function generateReportData(events: number): ReportData {
  const start = Date.UTC(2026, 10, 18, 9, 0, 0);
  const at = (minutes: number) => new Date(start + minutes * 60_000);
  return {
    postmortem: {
      id: 'bench',
      title: 'Checkout requests timing out after connection-pool change',
      scope: 'single',
      phase: 'documentation',
      restricted: false,
      sections: {
        summary:
          'A configuration change lowered the payments database connection pool per pod; **checkout** requests queued and timed out.',
        impact:
          'About 18% of checkout requests failed for 47 minutes.\n\n- EU shoppers\n- mobile app',
        lessons_learned: 'Validate pool sizes against peak concurrency before rollout.',
      },
    },
    incidents: [
      {
        id: 'inc',
        title: 'Checkout requests timing out',
        summary: 'Timeouts for 18% of checkout requests.',
        kind: 'outage',
        severity: 'sev2',
        potentialSeverity: null,
        isDrill: false,
        status: 'resolved',
        services: ['checkout-api', 'payments-db', 'config-service'],
        instants: {
          started_at: { at: at(0), source: 'metric', precision: 'exact' },
          detected_at: { at: at(6), source: 'alertmanager', precision: 'exact' },
          acknowledged_at: { at: at(9), source: 'pagerduty', precision: 'exact' },
          mitigated_at: { at: at(41), source: 'manual', precision: 'estimated' },
          resolved_at: { at: at(47), source: 'manual', precision: 'exact' },
        },
      },
    ],
    timeline: Array.from({ length: events }, (_, i) => ({
      id: `e${i}`,
      occurredAt: new Date(start + i * 7_000),
      text: `${phrases[i % phrases.length]} (#${i})`,
      kind: kinds[i % kinds.length] ?? 'observation',
      actor: i % 3 === 0 ? 'payments on-call' : null,
      status: i % 10 === 0 ? 'proposed' : 'accepted',
      pinned: i % 50 === 0,
    })),
    factors: Array.from({ length: 6 }, (_, i) => ({
      id: `f${i}`,
      description: `Factor ${i}: pool-size settings are not validated against peak concurrency.`,
      category: defaultPolicy.factorTaxonomy[i % 10]?.key ?? 'process',
      isRootCause: i === 0,
      acceptedRiskReason: null,
    })),
    whyNodes: Array.from({ length: 12 }, (_, i) => ({
      id: `w${i}`,
      parentId: i === 0 ? null : `w${Math.floor((i - 1) / 2)}`,
      position: i,
      question: `Why did step ${i} happen?`,
      answer: `Because the pool of 5 connections per pod could not serve step ${i}.`,
      mark: i === 5 ? 'root_cause' : i === 6 ? 'contributing_factor' : 'none',
      category: i === 5 ? 'change_management' : null,
      noEvidenceReason: null,
      acceptedRiskReason: null,
    })),
    actionItems: Array.from({ length: 8 }, (_, i) => ({
      id: `a${i}`,
      title: `Action ${i}: validate pool sizes in the config pipeline`,
      kind: 'prevent',
      ownerName: 'Platform team',
      ownerUserId: null,
      dueDate: '2026-12-09',
      successCriterion: 'A pool below observed p99 concurrency fails CI.',
      status: 'open',
      wontDoReason: null,
      trackerUrl: null,
      verificationEvidence: null,
      verificationNote: null,
      priority: 'p2',
      team: 'platform',
      services: ['config-service'],
      isIdea: false,
      linkedFactorIds: ['f0'],
      linkedWhyNodeIds: ['w5'],
      reliesOnServices: ['config-service'],
    })),
    participants: [
      { id: 'p1', name: 'Payments on-call', role: 'engineering', userId: null },
      { id: 'p2', name: 'Support lead', role: 'support', userId: null },
    ],
    template: defaultTemplate(defaultPolicy.reportSections),
    categoryLabels: Object.fromEntries(defaultPolicy.factorTaxonomy.map((c) => [c.key, c.label])),
  };
}
