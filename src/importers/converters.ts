import { alertmanagerConverter } from './alertmanager/alertmanager-converter.ts';
import { dispatchConverter } from './dispatch/dispatch-converter.ts';
import { githubConverter } from './github/github-converter.ts';
import { grafanaConverter } from './grafana/grafana-converter.ts';
import { jiraConverter } from './jira/jira-converter.ts';
import { logsConverter } from './logs/logs-converter.ts';
import { markdownTableConverter } from './markdown-table/markdown-table-converter.ts';
import { metricsConverter } from './metrics/metrics-converter.ts';
import { opsgenieConverter } from './opsgenie/opsgenie-converter.ts';
import { pagerdutyConverter } from './pagerduty/pagerduty-converter.ts';
import { slackConverter } from './slack/slack-converter.ts';
import type { SourceConverter } from './source-converter.ts';
import { statuspageConverter } from './statuspage/statuspage-converter.ts';

/**
 * Every source converter the import pipeline knows, asked in this order for detection.
 * One line per converter.
 */
export const converters: SourceConverter[] = [
  grafanaConverter,
  alertmanagerConverter,
  pagerdutyConverter,
  opsgenieConverter,
  statuspageConverter,
  githubConverter,
  jiraConverter,
  dispatchConverter,
  metricsConverter,
  slackConverter,
  markdownTableConverter,
  logsConverter,
];
