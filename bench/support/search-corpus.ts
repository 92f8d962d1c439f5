import { searchVocabulary } from './search-vocabulary.ts';

/**
 * Rows of the search bench's generated postmortems, table by table, as plain JSON values (dates
 * as ISO strings) for `json_to_recordset`. Every postmortem's rows come from a random stream
 * seeded by its index alone, so the corpus is the same on every engine, in every run and for
 * any batch size.
 */
export interface SearchCorpusBatch {
  incidents: Record<string, unknown>[];
  postmortems: Record<string, unknown>[];
  postmortemIncidents: Record<string, unknown>[];
  postmortemMembers: Record<string, unknown>[];
  incidentMembers: Record<string, unknown>[];
  restrictedSections: Record<string, unknown>[];
  restrictedSectionMembers: Record<string, unknown>[];
  timelineEvents: Record<string, unknown>[];
  contributingFactors: Record<string, unknown>[];
  whyNodes: Record<string, unknown>[];
  actionItems: Record<string, unknown>[];
}

/** mulberry32: a small, fast, seeded stream of [0, 1). */
function randomStream(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

const services = [
  'checkout',
  'payments',
  'search',
  'auth',
  'queue',
  'edge',
  'catalog',
  'notifications',
  'ledger',
  'inventory',
  'mobile-api',
  'billing',
];
const kinds = ['outage', 'degradation', 'security', 'near_miss', 'project_failure'];
const kindWeights = [0.35, 0.4, 0.08, 0.12, 0.05];
const severities = ['sev1', 'sev2', 'sev3', 'sev4'];
const severityWeights = [0.08, 0.25, 0.4, 0.27];
const phases = ['data_gathering', 'analysis', 'documentation', 'follow_up', 'closed'];
const phaseWeights = [0.08, 0.1, 0.12, 0.2, 0.5];
const categories = [
  'change_management',
  'capacity',
  'dependency',
  'detection_gap',
  'tooling_ui',
  'documentation',
  'process',
  'automation_gap',
  'knowledge',
  'configuration',
];
const eventKinds = [
  'detection',
  'escalation',
  'communication',
  'action',
  'mitigation',
  'resolution',
];
const eventSources = ['manual', 'slack', 'pagerduty', 'alertmanager', 'grafana', 'github'];
const actionKinds = ['prevent', 'detect', 'mitigate', 'process', 'repair'];
const actionStatuses = ['open', 'in_progress', 'done', 'verified', 'wont_do'];

/** Two years of postmortems, ending here (fixed, so a kept database and a new one agree). */
const corpusEnd = Date.UTC(2026, 9, 31);
const corpusSpan = 2 * 365 * 86_400_000;

/** The generator of one postmortem's rows: its random stream and the pickers over it. */
function pickers(random: () => number) {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
  const weighted = <T>(values: readonly T[], weights: readonly number[]) => {
    let r = random();
    for (const [index, weight] of weights.entries()) {
      r -= weight;
      if (r < 0) {
        return values[index] as T;
      }
    }
    return values[values.length - 1] as T;
  };
  const word = () =>
    searchVocabulary[Math.floor(random() ** 3 * searchVocabulary.length)] as string;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  /** Sentences of 6–14 words, capitalised and stopped, `n` words in all. */
  const prose = (n: number) => {
    const sentences: string[] = [];
    for (let left = n; left > 0; ) {
      const length = Math.min(left, 6 + Math.floor(random() * 9));
      const text = words(length);
      sentences.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
      left -= length;
    }
    return sentences.join(' ');
  };
  const uuid = () => {
    const a = hex(random() * 2 ** 32);
    const b = hex(random() * 2 ** 32);
    const c = hex(random() * 2 ** 32);
    const d = hex(random() * 2 ** 32);
    const variant = (8 + Math.floor(random() * 4)).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
  return { pick, weighted, word, words, prose, uuid };
}

/**
 * Postmortem `index` of `count`: one incident (3% review two or three, `thematic`), the five
 * report sections, six to eight timeline events (one in eight proposed or rejected: not
 * searchable), a why-chain of three with marks and categories, two contributing factors, two or
 * three action items. 2% of postmortems and 1% of incidents are restricted, and 3% of
 * postmortems have a restricted section (the impact); `memberId` is a member of a quarter of
 * each, so a member's search both sees and skips restricted matches.
 */
function generatePostmortem(
  index: number,
  count: number,
  memberId: string,
  batch: SearchCorpusBatch,
): void {
  const random = randomStream(Math.imul(index + 1, 0x9e3779b1) ^ 0x5eed);
  const { pick, weighted, word, words, prose, uuid } = pickers(random);
  const slot = corpusSpan / count;
  const createdAt = corpusEnd - corpusSpan + (index + random()) * slot;
  const postmortemId = uuid();
  const thematic = random() < 0.03;
  let hidden = false;
  let firstStart = createdAt;
  for (let k = 0; k < (thematic ? 2 + Math.floor(random() * 2) : 1); k += 1) {
    const incidentId = uuid();
    const startedAt = createdAt - (1 + random() * 72) * 3_600_000 - k * 86_400_000 * 7;
    firstStart = Math.min(firstStart, startedAt);
    const restricted = random() < 0.01;
    hidden ||= restricted;
    const service = pick(services);
    batch.incidents.push({
      id: incidentId,
      title: `${service} ${words(4)}`,
      summary: prose(15),
      kind: weighted(kinds, kindWeights),
      severity: weighted(severities, severityWeights),
      status: 'resolved',
      services: random() < 0.2 ? [service, pick(services)] : [service],
      restricted,
      started_at: new Date(startedAt).toISOString(),
      detected_at: new Date(startedAt + random() * 900_000).toISOString(),
      mitigated_at: new Date(startedAt + (0.3 + random() * 3) * 3_600_000).toISOString(),
      resolved_at: new Date(startedAt + (1 + random() * 8) * 3_600_000).toISOString(),
      created_at: new Date(startedAt + 600_000).toISOString(),
    });
    batch.postmortemIncidents.push({ postmortem_id: postmortemId, incident_id: incidentId });
    if (restricted && random() < 0.25) {
      batch.incidentMembers.push({ incident_id: incidentId, user_id: memberId });
    }
  }
  const restricted = random() < 0.02;
  hidden ||= restricted;
  if (restricted && random() < 0.25) {
    batch.postmortemMembers.push({ postmortem_id: postmortemId, user_id: memberId });
  }
  const phase = weighted(phases, phaseWeights);
  const sections: Record<string, string> = {
    summary: prose(40),
    impact: prose(20),
    what_went_well: prose(12),
    where_we_got_lucky: random() < 0.5 ? prose(8) : '',
    lessons_learned: prose(15),
  };
  if (random() < 0.03) {
    batch.restrictedSections.push({
      postmortem_id: postmortemId,
      section_key: 'impact',
      body: sections.impact,
      restricted_at: new Date(createdAt + 86_400_000).toISOString(),
    });
    delete sections.impact;
    if (random() < 0.25) {
      batch.restrictedSectionMembers.push({
        postmortem_id: postmortemId,
        section_key: 'impact',
        user_id: memberId,
      });
    }
  }
  const created = new Date(createdAt).toISOString();
  batch.postmortems.push({
    id: postmortemId,
    hidden,
    title: `${word().replace(/^./, (c) => c.toUpperCase())} ${words(2)} in ${pick(services)}: ${words(3)}`,
    scope: thematic ? 'thematic' : 'single',
    phase,
    restricted,
    sections,
    created_at: created,
    updated_at: new Date(createdAt + random() * 30 * 86_400_000).toISOString(),
    closed_at: phase === 'closed' ? new Date(createdAt + 40 * 86_400_000).toISOString() : null,
  });
  const events = 6 + Math.floor(random() * 3);
  for (let e = 0; e < events; e += 1) {
    const reviewed = random();
    batch.timelineEvents.push({
      id: uuid(),
      postmortem_id: postmortemId,
      occurred_at: new Date(firstStart + e * (2 + random() * 20) * 60_000).toISOString(),
      text: prose(10),
      kind: eventKinds[Math.min(e, eventKinds.length - 1)],
      source: pick(eventSources),
      external_id: String(e),
      status: reviewed < 0.08 ? 'proposed' : reviewed < 0.125 ? 'rejected' : 'accepted',
      created_at: created,
    });
  }
  let parentId: string | null = null;
  for (let w = 0; w < 3; w += 1) {
    const id = uuid();
    const mark =
      w === 2 ? 'root_cause' : w === 1 && random() < 0.5 ? 'contributing_factor' : 'none';
    batch.whyNodes.push({
      id,
      postmortem_id: postmortemId,
      parent_id: parentId,
      question: `Why ${words(6)}?`,
      answer: prose(6),
      mark,
      category: mark === 'none' ? null : pick(categories),
      position: 0,
    });
    parentId = id;
  }
  for (let f = 0; f < 2; f += 1) {
    batch.contributingFactors.push({
      id: uuid(),
      postmortem_id: postmortemId,
      description: prose(10),
      category: pick(categories),
      is_root_cause: f === 0,
      created_at: new Date(createdAt + (f + 1) * 3_600_000).toISOString(),
    });
  }
  const actions = 2 + Math.floor(random() * 2);
  for (let a = 0; a < actions; a += 1) {
    batch.actionItems.push({
      id: uuid(),
      postmortem_id: postmortemId,
      title: `${pick(['Add', 'Alert on', 'Document', 'Automate', 'Limit', 'Test'])} ${words(6)}`,
      kind: pick(actionKinds),
      status: phase === 'closed' ? pick(['done', 'verified', 'wont_do']) : pick(actionStatuses),
      success_criterion: prose(6),
      created_at: new Date(createdAt + (a + 3) * 3_600_000).toISOString(),
    });
  }
}

/** The corpus of `count` postmortems in batches of `batchSize`, generated as they are read. */
export function* searchCorpusBatches(
  count: number,
  batchSize: number,
  memberId: string,
): Generator<SearchCorpusBatch> {
  for (let start = 0; start < count; start += batchSize) {
    const batch: SearchCorpusBatch = {
      incidents: [],
      postmortems: [],
      postmortemIncidents: [],
      postmortemMembers: [],
      incidentMembers: [],
      restrictedSections: [],
      restrictedSectionMembers: [],
      timelineEvents: [],
      contributingFactors: [],
      whyNodes: [],
      actionItems: [],
    };
    for (let index = start; index < Math.min(count, start + batchSize); index += 1) {
      generatePostmortem(index, count, memberId, batch);
    }
    yield batch;
  }
}
