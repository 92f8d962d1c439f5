import { defaultPolicy } from '../../src/domain/policy.ts';
import { defaultTemplate } from '../../src/domain/report-template.ts';
import type { ReportData } from '../../src/reports/report-data.ts';

const start = new Date('2026-03-02T14:00:00.000Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

/**
 * A review written in the project's own words: a cache-eviction storm on the search service,
 * with a why-tree, causes, action items and a few hostile strings (markup, pipes, a
 * `javascript:` link) that every renderer must carry safely.
 */
export function sampleReportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    postmortem: {
      id: 'pm-1',
      title: 'Search results empty after cache eviction storm',
      scope: 'single',
      phase: 'documentation',
      restricted: false,
      sections: {
        summary:
          'A cache flush during a deploy emptied the search index cache; for 32 minutes **most** searches returned no results.',
        impact: 'About 40% of searches in Europe returned nothing. [details](javascript:alert(1))',
        lessons_learned: 'Flushes need a warm-up path. <script>alert("x")</script>',
        requests_affected: '1.2 million search requests',
      },
    },
    incidents: [
      {
        id: 'inc-1',
        title: 'Search returns no results',
        summary: 'Empty search results for European users.',
        kind: 'degradation',
        severity: 'sev2',
        potentialSeverity: null,
        isDrill: false,
        status: 'resolved',
        services: ['search-api', 'search-cache'],
        instants: {
          started_at: { at: at(0), source: 'metric', precision: 'exact' },
          detected_at: { at: at(7), source: 'alertmanager', precision: 'exact' },
          acknowledged_at: { at: at(10), source: 'pagerduty', precision: 'exact' },
          mitigated_at: { at: at(25), source: 'manual', precision: 'estimated' },
          resolved_at: { at: at(32), source: 'manual', precision: 'exact' },
        },
      },
    ],
    timeline: [
      {
        id: 'e1',
        occurredAt: at(-3),
        text: 'Deploy 4121 of search-api starts; it flushes the cache.',
        kind: 'action',
        actor: 'deploy-bot',
        status: 'accepted',
        pinned: false,
      },
      {
        id: 'e2',
        occurredAt: at(0),
        text: 'Cache hit ratio drops from 97% to 3%.',
        kind: 'observation',
        actor: null,
        status: 'accepted',
        pinned: true,
      },
      {
        id: 'e3',
        occurredAt: at(7),
        text: 'Alert SearchEmptyResults fires | <b>page</b>',
        kind: 'detection',
        actor: null,
        status: 'accepted',
        pinned: true,
      },
      {
        id: 'e4',
        occurredAt: at(10),
        text: 'On-call acknowledges the page.',
        kind: 'escalation',
        actor: 'Sam',
        status: 'proposed',
        pinned: false,
      },
      {
        id: 'e5',
        occurredAt: at(25),
        text: 'Cache warmed from the snapshot; results come back.\nHit ratio 80%.',
        kind: 'mitigation',
        actor: null,
        status: 'accepted',
        pinned: true,
      },
    ],
    factors: [
      {
        id: 'f1',
        description: 'The deploy script flushes the cache with no warm-up step.',
        category: 'change_management',
        isRootCause: true,
        acceptedRiskReason: null,
      },
      {
        id: 'f2',
        description: 'No alert on the cache hit ratio.',
        category: 'detection_gap',
        isRootCause: false,
        acceptedRiskReason: null,
      },
    ],
    whyNodes: [
      {
        id: 'w1',
        parentId: null,
        position: 0,
        question: 'Why were results empty?',
        answer: 'The cache was empty and the index could not keep up.',
        mark: 'none',
        category: null,
        noEvidenceReason: null,
        acceptedRiskReason: null,
      },
      {
        id: 'w2',
        parentId: 'w1',
        position: 0,
        question: 'Why was the cache empty?',
        answer: 'The deploy flushed it without warming it.',
        mark: 'root_cause',
        category: 'change_management',
        noEvidenceReason: null,
        acceptedRiskReason: null,
      },
      {
        id: 'w3',
        parentId: 'w1',
        position: 1,
        question: 'Why did it take 7 minutes to notice?',
        answer: 'Only empty results were alerted on, not the hit ratio <svg onload=x>.',
        mark: 'contributing_factor',
        category: 'detection_gap',
        noEvidenceReason: null,
        acceptedRiskReason: null,
      },
    ],
    actionItems: [
      {
        id: 'a1',
        title: 'Warm the cache from a snapshot before traffic moves',
        kind: 'prevent',
        ownerName: 'Search team',
        ownerUserId: null,
        dueDate: '2026-03-20',
        successCriterion: 'A deploy keeps the hit ratio above 80%.',
        status: 'in_progress',
        wontDoReason: null,
        trackerUrl: null,
        verificationEvidence: null,
        linkedFactorIds: ['f1'],
        linkedWhyNodeIds: ['w2'],
        reliesOnServices: ['search-cache'],
      },
      {
        id: 'a2',
        title: 'Alert when the hit ratio stays under 50% | for 2 minutes',
        kind: 'detect',
        ownerName: null,
        ownerUserId: 'u-2',
        dueDate: null,
        successCriterion: null,
        status: 'open',
        wontDoReason: null,
        trackerUrl: 'https://tracker.example/SRCH-12',
        verificationEvidence: null,
        linkedFactorIds: ['f2'],
        linkedWhyNodeIds: [],
        reliesOnServices: [],
      },
    ],
    participants: [
      { id: 'p1', name: 'Robin Facilitator', role: 'facilitator', userId: 'u-1' },
      { id: 'p2', name: 'Sam Oncall', role: 'engineering', userId: 'u-2' },
    ],
    template: defaultTemplate(defaultPolicy.reportSections),
    categoryLabels: Object.fromEntries(defaultPolicy.factorTaxonomy.map((c) => [c.key, c.label])),
    ...overrides,
  };
}
