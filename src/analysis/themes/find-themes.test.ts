import { describe, expect, it } from 'vitest';
import {
  ownFixture,
  sharedFixture,
  sharedFixturesPresent,
} from '../../../test/support/fixture-path.ts';
import {
  type MarkdownPostmortem,
  readMarkdownPostmortems,
} from '../../../test/support/markdown-postmortems.ts';
import { findThemes, type ThemeCandidate } from './find-themes.ts';

const ownFixtures = ownFixture('postmortems');

/** A report as a theme candidate, judged on its title and summary (the words every report has). */
function candidate(report: MarkdownPostmortem): ThemeCandidate {
  return {
    id: report.file,
    title: report.title,
    text: report.sections.summary ?? '',
    services: [],
    factorCategories: [],
    occurredAt: report.occurredAt,
    severity: 'sev3',
    durationSeconds: 600,
    hasPostmortem: false,
  };
}

/** The themes as sets of file-name prefixes, for readable expectations. */
const grouped = (themes: Array<{ ids: string[] }>, prefixLength: number) =>
  themes.map((theme) => theme.ids.map((id) => id.slice(0, prefixLength)).sort());

describe('findThemes on reports in our own words', () => {
  const reports = readMarkdownPostmortems(ownFixtures).map(candidate);

  it('groups the repeated payment-webhook and build-disk reports and nothing else', () => {
    const themes = findThemes(reports, { windowDays: 30, threshold: 0.3 });
    expect(grouped(themes, 22)).toEqual([
      ['2026-03-02-payment-web', '2026-03-09-payment-web', '2026-03-20-webhooks-fr'],
      ['2026-03-04-build-agent', '2026-03-18-ci-agents-d'],
    ]);
    expect(themes[0]).toMatchObject({ count: 3, totalDurationSeconds: 1800, withoutPostmortem: 3 });
    expect(themes[0]?.terms).toContain('webhook');
  });

  it('keeps repeats apart when they are further apart than the window', () => {
    const themes = findThemes(reports, { windowDays: 8, threshold: 0.3 });
    expect(grouped(themes, 10)).toEqual([['2026-03-02', '2026-03-09']]);
  });

  it('groups a recurring issue even when it is the only one there is', () => {
    const webhooks = reports.filter((r) => r.id.includes('webhook'));
    expect(webhooks).toHaveLength(3);
    expect(grouped(findThemes(webhooks), 10)).toEqual([['2026-03-02', '2026-03-09', '2026-03-20']]);
    const disks = reports.filter((r) => r.id.includes('disk'));
    expect(grouped(findThemes(disks), 10)).toEqual([['2026-03-04', '2026-03-18']]);
  });

  it('lets shared services and factor categories decide between otherwise similar words', () => {
    const base = reports.filter((r) => r.id.includes('disk') || r.id.includes('tls'));
    const withServices = base.map((r) => ({
      ...r,
      services: r.id.includes('tls') ? ['status-page'] : ['ci'],
      factorCategories: r.id.includes('tls') ? ['process'] : ['capacity'],
    }));
    expect(findThemes(withServices)[0]?.services).toEqual(['ci']);
    expect(findThemes(withServices)[0]?.factorCategories).toEqual(['capacity']);
  });
});

const publicFolders = ['dfds-postmortems', 'kubernetes-test-infra', '2i2c-incident-reports'];

const publicPresent = sharedFixturesPresent('findThemes on the public postmortems');

describe.runIf(publicPresent)('findThemes on the public postmortems', () => {
  // Vitest still collects a suite it will skip: read nothing when the folders are absent.
  const reports = publicPresent
    ? publicFolders.flatMap((folder) =>
        readMarkdownPostmortems(sharedFixture(`postmortems/${folder}`)).map(candidate),
      )
    : [];
  // Their repeats span years, so the window is wide; the words alone must find them.
  const themes = findThemes(reports, { windowDays: 3650, threshold: 0.3 });
  const groups = grouped(themes, 10);
  const groupOf = (prefix: string) => groups.find((g) => g.includes(prefix)) ?? [prefix];

  it('groups the three "logs not shipped to CloudWatch" reports', () => {
    expect(groupOf('PM2021-001')).toEqual(['PM2021-001', 'PM2022-002', 'PM2023-002']);
  });

  it('groups the three "all services returning 503" reports, without the 404 one', () => {
    expect(groupOf('PM2021-005')).toEqual(['PM2021-005', 'PM2021-006', 'PM2021-007']);
  });

  it('groups the other repeats by name (Flux bump, Kafka metrics, KIAM) and leaves unrelated reports alone', () => {
    expect(groupOf('PM2021-002')).toEqual(['PM2021-002', 'PM2021-003']);
    expect(groupOf('PM2022-004')).toEqual(['PM2022-004', 'PM2022-007']);
    expect(groupOf('PM2020-002')).toEqual(['PM2020-002', 'PM2020-009']);
    for (const unrelated of [
      'PM2021-009',
      'PM2021-011',
      'PM2022-006',
      'PM2021-004',
      '2025-07-11',
    ]) {
      expect(groupOf(unrelated)).toEqual([unrelated]);
    }
  });

  it('finds no group but the repeats: every other report of the 43 stands alone', () => {
    // The two Prow outages of February 2019 share one cause: a client refactor that ignored
    // where jobs should run (the pod namespace, then the build-cluster alias).
    expect(reports).toHaveLength(43);
    expect(groups.filter((g) => g.length > 1).sort()).toEqual(
      [
        ['PM2021-001', 'PM2022-002', 'PM2023-002'],
        ['PM2021-005', 'PM2021-006', 'PM2021-007'],
        ['PM2021-002', 'PM2021-003'],
        ['PM2022-004', 'PM2022-007'],
        ['PM2020-002', 'PM2020-009'],
        ['2019-02-05', '2019-02-08'],
      ].sort(),
    );
  });
});

describe('rankSimilar', () => {
  it('finds the earlier reports of a repeat, best first, and nothing unrelated', async () => {
    const { rankSimilar } = await import('./rank-similar.ts');
    const reports = readMarkdownPostmortems(ownFixtures).map(candidate);
    const [target, ...earlier] = [...reports].reverse();
    expect(target?.id).toMatch(/^2026-03-25/);
    const webhooks = reports.find((r) => r.id.startsWith('2026-03-20')) as ThemeCandidate;
    const matches = rankSimilar(
      webhooks,
      reports.filter((r) => r !== webhooks),
    );
    expect(matches.map((m) => m.id.slice(0, 10)).sort()).toEqual(['2026-03-02', '2026-03-09']);
    expect(matches[0]?.score).toBeGreaterThanOrEqual(matches[1]?.score ?? 1);
    expect(rankSimilar(target as ThemeCandidate, earlier)).toEqual([]);
  });
});
