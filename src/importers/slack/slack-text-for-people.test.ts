import { describe, expect, it } from 'vitest';
import { slackTextForPeople } from './slack-text-for-people.ts';

const users = new Map([['U0SAM', 'Sam Ito']]);

describe('slackTextForPeople', () => {
  it('decodes mentions, channels, links, entities and code fences for people', () => {
    expect(
      slackTextForPeople(
        '<@U0SAM> see <#C0CHK|incident-checkout>: p99 &gt; 2 s &amp; rising, <https://grafana.example/d/1|the dashboard> <!here>',
        users,
      ),
    ).toBe(
      '@Sam Ito see #incident-checkout: p99 > 2 s & rising, the dashboard (https://grafana.example/d/1) @here',
    );
    expect(slackTextForPeople('```kubectl rollout undo deploy/checkout```', users)).toBe(
      'kubectl rollout undo deploy/checkout',
    );
  });

  it('keeps what it cannot resolve, and an escaped bracket stays text', () => {
    expect(slackTextForPeople('<@U0NOBODY> wrote &lt;@U0SAM&gt;', users)).toBe(
      '<@U0NOBODY> wrote <@U0SAM>',
    );
  });
});
