import { describe, expect, it } from 'vitest';
import { type AgendaInput, buildAgenda } from './build-agenda.ts';
import { meetingPrompts } from './meeting-prompts.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 16, 10, minute));

const event = (
  id: string,
  minute: number,
  overrides: Partial<AgendaInput['timeline'][number]> = {},
): AgendaInput['timeline'][number] => ({
  id,
  occurredAt: at(minute),
  createdAt: at(0),
  text: `Event ${id}`,
  kind: 'observation',
  status: 'accepted',
  pinned: false,
  ...overrides,
});

const empty: AgendaInput = { timeline: [], openQuestions: [], actionItems: [], participants: [] };
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('buildAgenda', () => {
  it('walks accepted events in time order, in segments, before the other sections', () => {
    const agenda = buildAgenda(
      {
        ...empty,
        timeline: [
          event('c', 30),
          event('a', 5),
          event('x', 7, { status: 'rejected' }),
          event('p', 8, { status: 'proposed' }),
          event('b', 10),
        ],
      },
      { segmentSize: 2 },
    );
    expect(agenda.sections.map((s) => s.key)).toEqual([
      'timeline-1',
      'timeline-2',
      'pinned_moments',
      'open_questions',
      'why_tree',
      'action_items',
    ]);
    expect(agenda.sections.map((s) => s.part)).toEqual([
      { index: 1, of: 2 },
      { index: 2, of: 2 },
      { index: 1, of: 1 },
      { index: 1, of: 1 },
      { index: 1, of: 1 },
      { index: 1, of: 1 },
    ]);
    const walked = agenda.sections
      .filter((s) => s.kind === 'timeline')
      .flatMap((s) => s.items.map((i) => i.subjectId));
    expect(walked).toEqual(['a', 'b', 'c']);
  });

  it('balances the walk-through segments', () => {
    const agenda = buildAgenda({
      ...empty,
      timeline: Array.from({ length: 9 }, (_, i) => event(`e${i}`, i)),
    });
    const sizes = agenda.sections.filter((s) => s.kind === 'timeline').map((s) => s.items.length);
    expect(sizes).toEqual([5, 4]);
  });

  it('calls out pinned moments in the walk-through and lists them in their own section', () => {
    const agenda = buildAgenda({
      ...empty,
      timeline: [event('a', 1), event('b', 2, { pinned: true, kind: 'detection' })],
    });
    const walkItem = agenda.sections[0]?.items[1];
    expect(walkItem).toMatchObject({ subjectId: 'b', pinned: true });
    expect(walkItem?.prompts).toEqual(expect.arrayContaining([...meetingPrompts.pinned]));
    const pinned = agenda.sections.find((s) => s.kind === 'pinned_moments');
    expect(pinned?.items.map((i) => i.subjectId)).toEqual(['b']);
  });

  it('gives prompts by event kind on top of the ones for every marker', () => {
    const agenda = buildAgenda({
      ...empty,
      timeline: [event('d', 1, { kind: 'detection' }), event('m', 2, { kind: 'mitigation' })],
    });
    const [detection, mitigation] = agenda.sections[0]?.items ?? [];
    expect(detection?.prompts).toEqual([
      ...meetingPrompts.everyEvent,
      ...meetingPrompts.byEventKind.detection,
    ]);
    expect(mitigation?.prompts).toEqual([
      ...meetingPrompts.everyEvent,
      ...meetingPrompts.byEventKind.mitigation,
    ]);
    expect(detection?.tag).toBe('detection');
  });

  it.each([15, 60, 90, 7])('splits %i minutes over the sections exactly', (totalMinutes) => {
    const agenda = buildAgenda(
      {
        ...empty,
        timeline: Array.from({ length: 30 }, (_, i) => event(`e${i}`, i, { pinned: i % 7 === 0 })),
        openQuestions: [{ id: 'q', text: 'Why no alert?', kind: 'question', status: 'open' }],
      },
      { totalMinutes },
    );
    expect(agenda.totalMinutes).toBe(totalMinutes);
    expect(sum(agenda.sections.map((s) => s.minutes))).toBe(totalMinutes);
  });

  it('scales the timebox with the content', () => {
    const agenda = buildAgenda({
      ...empty,
      timeline: Array.from({ length: 8 }, (_, i) => event(`e${i}`, i)),
    });
    const minutesOf = (key: string) => agenda.sections.find((s) => s.key === key)?.minutes ?? 0;
    expect(minutesOf('timeline-1')).toBeGreaterThan(minutesOf('pinned_moments'));
    expect(minutesOf('why_tree')).toBeGreaterThan(minutesOf('pinned_moments'));
  });

  it('still gives an empty postmortem every section, with prompts to start from', () => {
    const agenda = buildAgenda(empty);
    expect(agenda.sections.map((s) => s.kind)).toEqual([
      'timeline',
      'pinned_moments',
      'open_questions',
      'why_tree',
      'action_items',
    ]);
    expect(agenda.sections.every((s) => s.items.length === 0)).toBe(true);
    expect(sum(agenda.sections.map((s) => s.minutes))).toBe(60);
    expect(agenda.sections.find((s) => s.kind === 'why_tree')?.prompts).toEqual([
      ...meetingPrompts.emptyWhyTree,
    ]);
    expect(agenda.participation.gaps).toEqual([
      'engineering',
      'product',
      'support',
      'management',
      'facilitator',
    ]);
  });

  it('lists open questions before resolved ones, disagreements with their own prompts', () => {
    const agenda = buildAgenda({
      ...empty,
      openQuestions: [
        { id: 'r', text: 'Done', kind: 'question', status: 'resolved' },
        { id: 'd', text: 'Was the rollback right?', kind: 'disagreement', status: 'open' },
      ],
    });
    const items = agenda.sections.find((s) => s.kind === 'open_questions')?.items ?? [];
    expect(items.map((i) => [i.subjectId, i.tag])).toEqual([
      ['d', 'disagreement'],
      ['r', 'resolved'],
    ]);
    expect(items[0]?.prompts).toEqual([...meetingPrompts.disagreement]);
    expect(items[1]?.prompts).toEqual([]);
  });

  it('walks the why-tree depth-first with depths and prompts by mark', () => {
    const agenda = buildAgenda({
      ...empty,
      whyNodes: [
        { id: 'root', parentId: null, question: 'Why did checkout fail?', mark: 'none' },
        { id: 'leaf', parentId: 'mid', question: 'Why no limit?', mark: 'root_cause' },
        { id: 'mid', parentId: 'root', question: 'Why was the pool full?', mark: 'none' },
        { id: 'side', parentId: 'root', question: 'Why late?', mark: 'contributing_factor' },
        { id: 'loop-a', parentId: 'loop-b', question: 'A', mark: 'none' },
        { id: 'loop-b', parentId: 'loop-a', question: 'B', mark: 'none' },
      ],
    });
    const items = agenda.sections.find((s) => s.kind === 'why_tree')?.items ?? [];
    expect(items.map((i) => [i.subjectId, i.depth])).toEqual([
      ['root', 0],
      ['mid', 1],
      ['leaf', 2],
      ['side', 1],
      ['loop-a', 0],
      ['loop-b', 1],
    ]);
    expect(items[2]?.prompts).toEqual([...meetingPrompts.byWhyNodeMark.root_cause]);
  });

  it('reviews action items with their status', () => {
    const agenda = buildAgenda({
      ...empty,
      actionItems: [{ id: 'ai', title: 'Alert on pool saturation', status: 'open' }],
    });
    const section = agenda.sections.find((s) => s.kind === 'action_items');
    expect(section?.items[0]).toMatchObject({ subjectId: 'ai', tag: 'open' });
    expect(section?.prompts).toEqual([]);
  });
});
