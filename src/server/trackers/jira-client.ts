import type { TrackerClient } from '../../app/trackers/tracker-client.ts';

/**
 * Where and as whom to open Jira issues. Jira Cloud: `email` + API token (basic auth); Jira
 * Data Center: a personal access token (bearer) and no `email`.
 */
export interface JiraSettings {
  baseUrl: string;
  token: string;
  email?: string;
  projectKey: string;
  issueType: string;
}

/**
 * Jira's REST "create issue": `POST /rest/api/2/issue` with `fields` (project key, summary,
 * description, issue type, labels). Answers 201 with `key`; people read it at `/browse/{key}`.
 */
export function jiraClient(settings: JiraSettings): TrackerClient {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const authorization = settings.email
    ? `Basic ${Buffer.from(`${settings.email}:${settings.token}`).toString('base64')}`
    : `Bearer ${settings.token}`;
  return {
    kind: 'jira',
    async createIssue(request) {
      const response = await fetch(`${base}/rest/api/2/issue`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          authorization,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          fields: {
            project: { key: settings.projectKey },
            summary: request.title,
            description: request.body,
            issuetype: { name: settings.issueType },
            // Jira labels cannot hold spaces.
            labels: request.labels.map((label) => label.replaceAll(/\s+/g, '-')),
          },
        }),
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status !== 201) {
        throw new Error(`Jira answered ${response.status} when creating an issue`);
      }
      const issue = (await response.json()) as { key: string };
      return { url: `${base}/browse/${issue.key}`, key: `jira:${issue.key}` };
    },
  };
}
