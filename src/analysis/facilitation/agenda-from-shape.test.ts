import { describe, expect, it } from 'vitest';
import { type AgendaInput, buildAgenda } from './build-agenda.ts';
import { readIncidentShape } from './incident-shape.ts';

type Event = AgendaInput['timeline'][number];
const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 16, 14, minute, second));
const event = (id: string, minute: number, overrides: Partial<Event> = {}): Event => ({
  id,
  occurredAt: at(minute),
  createdAt: at(0),
  text: `Event ${id}`,
  kind: 'observation',
  status: 'accepted',
  pinned: false,
  source: 'manual',
  actor: null,
  ...overrides,
});
const empty: AgendaInput = { timeline: [], openQuestions: [], actionItems: [], participants: [] };

/** A night on the chat channel: 200 accepted messages around a handful of key moments. */
function chatHeavyTimeline(): Event[] {
  const chat = Array.from({ length: 200 }, (_, i) => {
    // Four busy exchanges, with a 22-minute quiet stretch between the second and the third.
    const minute = i < 100 ? 2 + Math.floor(i / 10) : 34 + Math.floor((i - 100) / 10);
    return event(`chat-${i}`, minute, {
      occurredAt: at(minute, (i * 7) % 60),
      source: 'slack',
      kind: 'communication',
      text: `message ${i} about the queue`,
      actor: i % 2 ? 'Ngozi' : 'Mateus',
    });
  });
  return [
    event('alert', 1, { kind: 'detection', source: 'alertmanager', text: 'Queue depth alert' }),
    ...chat,
    event('restart', 12, { kind: 'mitigation', actor: 'Mateus', text: 'Restarted the consumers' }),
    event('again', 13, {
      kind: 'detection',
      source: 'alertmanager',
      text: 'Queue depth alert again',
    }),
    event('rollback', 50, { kind: 'mitigation', actor: 'Ngozi', text: 'Rolled back the release' }),
    event('pin', 30, {
      kind: 'observation',
      pinned: true,
      text: 'Dashboards showed the old queue',
    }),
    event('resolved', 55, { kind: 'resolution', text: 'Queue drained' }),
  ];
}

describe('the agenda from what happened', () => {
  it('keeps 200 accepted chat messages to a meeting: at most 8 walk-through items', () => {
    const agenda = buildAgenda({ ...empty, timeline: chatHeavyTimeline() });
    const walkthrough = agenda.sections.filter((s) => s.kind === 'timeline');
    expect(walkthrough).toHaveLength(1);
    const items = walkthrough.flatMap((s) => s.items);
    expect(items.length).toBeLessThanOrEqual(8);
    // Pinned and key moments first: they all survive the cap, in time order.
    expect(items.map((i) => i.subjectId)).toEqual(
      expect.arrayContaining(['alert', 'restart', 'pin', 'rollback', 'resolved']),
    );
    const times = items.map((i) => i.occurredAt?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(items.some((i) => i.tag === 'chat_burst' && /^\d+ chat messages/.test(i.text))).toBe(
      true,
    );
    // The restart did not help (the alert fired again), so the search for the cause went on:
    // the quiet stretch from 14:11 to 14:30 is the question the walk-through opens with.
    expect(walkthrough[0]?.prompts).toEqual([
      expect.stringMatching(/these 1\d minutes \(14:1\d–14:30\)/),
    ]);
  });

  it('asks about the longest gap between detection and mitigation, with its minutes', () => {
    const timeline = [
      event('alert', 0, { kind: 'detection', source: 'grafana', text: 'Latency alert' }),
      event('look', 3, { kind: 'action', actor: 'Ayşe', text: 'Opened the dashboards' }),
      event('idea', 25, { kind: 'action', actor: 'Ayşe', text: 'Suspected the cache' }),
      event('fix', 30, { kind: 'mitigation', actor: 'Ayşe', text: 'Flushed the cache' }),
    ];
    const agenda = buildAgenda({ ...empty, timeline });
    const [walk] = agenda.sections;
    expect(walk?.prompts).toEqual([expect.stringContaining('these 22 minutes (14:03–14:25)')]);
    const idea = walk?.items.find((i) => i.subjectId === 'idea');
    expect(idea?.prompts[0]).toContain('22 minutes');
    const everyPrompt = agenda.sections.flatMap((s) => [
      ...s.prompts,
      ...s.items.flatMap((i) => i.prompts),
    ]);
    // No hindsight: nothing asks what could or should have been.
    expect(everyPrompt.filter((p) => /\b(?:should|could)\b|would have/i.test(p))).toEqual([]);
  });

  it('asks about detection delay, hand-offs, a mitigation that did not help and an unanswered alert', () => {
    const shape = readIncidentShape(
      [
        event('start', 0, { text: 'Error rate rises' }),
        event('page', 9, { kind: 'detection', source: 'pagerduty', text: 'Page: error rate' }),
        event('ack', 10, { kind: 'action', actor: 'Kofi', text: 'Acknowledged' }),
        event('m1', 12, { kind: 'mitigation', actor: 'Kofi', text: 'Scaled out the API' }),
        event('note', 16, { text: 'Still failing after the scale-out' }),
        event('handoff', 20, { kind: 'action', actor: 'Ingrid', text: 'Took the incident' }),
        event('m2', 22, { kind: 'mitigation', actor: 'Ingrid', text: 'Disabled the flag' }),
        event('lonely', 40, { kind: 'detection', source: 'alertmanager', text: 'Disk alert' }),
      ].map((e) => ({ ...e, source: e.source ?? 'manual' })),
    );
    const byEvent = new Map(shape.prompts.map((p) => [p.eventId, p.prompt]));
    expect(byEvent.get('page')).toMatch(
      /started at 14:00 and was detected at 14:09 \(9 minutes\): what told us, and when\?/,
    );
    expect(byEvent.get('handoff')).toMatch(/^Ingrid took over from Kofi at 14:20/);
    expect(byEvent.get('m1')).toMatch(/did not end it/);
    expect(byEvent.has('m2')).toBe(false);
    expect(byEvent.get('lonely')).toMatch(/fired at 14:40 and nothing followed for 15 minutes/);
  });

  it('skips prompts that are already answered', () => {
    const agenda = buildAgenda({
      ...empty,
      whyNodes: [
        {
          id: 'r1',
          parentId: null,
          question: 'Why did the queue grow?',
          mark: 'root_cause',
          hasEvidence: true,
        },
        { id: 'r2', parentId: null, question: 'Why was nobody paged?', mark: 'root_cause' },
      ],
      actionItems: [
        {
          id: 'a1',
          title: 'Alert on queue age',
          status: 'open',
          ownerName: 'Sam',
          dueDate: '2026-12-01',
          successCriterion: 'Fires in a drill',
        },
        { id: 'a2', title: 'Page by SMS', status: 'open', ownerName: 'Sam' },
      ],
    });
    const promptsOf = (id: string) =>
      agenda.sections.flatMap((s) => s.items).find((i) => i.subjectId === id)?.prompts ?? [];
    expect(promptsOf('r1')).not.toContain('What evidence supports this?');
    expect(promptsOf('r2')).toContain('What evidence supports this?');
    expect(promptsOf('a1')).not.toContain(
      'Does it have an owner, a due date and a success criterion?',
    );
    expect(promptsOf('a2')).toContain('Does it have an owner, a due date and a success criterion?');
  });
});
