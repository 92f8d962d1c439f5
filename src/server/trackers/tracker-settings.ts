import type { TrackerClient } from '../../app/trackers/tracker-client.ts';
import { gitHubIssuesClient } from './github-issues-client.ts';
import { jiraClient } from './jira-client.ts';

/** The trackers the environment configures, and the secrets their webhooks must present. */
export interface TrackerSettings {
  clients: Partial<Record<'github' | 'jira', TrackerClient>>;
  githubWebhookSecret?: string;
  jiraWebhookSecret?: string;
  publicUrl: string | null;
}

/** Reads `DEBRIEF_GITHUB_*` and `DEBRIEF_JIRA_*` (see docs/integrations/trackers.md). */
export function readTrackerSettings(env: NodeJS.ProcessEnv = process.env): TrackerSettings {
  const value = (name: string) => env[name]?.trim() || undefined;
  const clients: TrackerSettings['clients'] = {};
  const githubToken = value('DEBRIEF_GITHUB_TOKEN');
  const githubRepository = value('DEBRIEF_GITHUB_REPOSITORY');
  if (githubToken && githubRepository) {
    clients.github = gitHubIssuesClient({
      apiUrl: value('DEBRIEF_GITHUB_API_URL') ?? 'https://api.github.com',
      token: githubToken,
      repository: githubRepository,
    });
  }
  const jiraUrl = value('DEBRIEF_JIRA_URL');
  const jiraToken = value('DEBRIEF_JIRA_TOKEN');
  const jiraProject = value('DEBRIEF_JIRA_PROJECT');
  if (jiraUrl && jiraToken && jiraProject) {
    clients.jira = jiraClient({
      baseUrl: jiraUrl,
      token: jiraToken,
      email: value('DEBRIEF_JIRA_EMAIL'),
      projectKey: jiraProject,
      issueType: value('DEBRIEF_JIRA_ISSUE_TYPE') ?? 'Task',
    });
  }
  return {
    clients,
    githubWebhookSecret: value('DEBRIEF_GITHUB_WEBHOOK_SECRET'),
    jiraWebhookSecret: value('DEBRIEF_JIRA_WEBHOOK_SECRET'),
    publicUrl: value('DEBRIEF_PUBLIC_URL')?.replace(/\/+$/, '') ?? null,
  };
}
