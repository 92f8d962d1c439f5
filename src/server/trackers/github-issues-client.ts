import type { TrackerClient } from '../../app/trackers/tracker-client.ts';

/** Where and as whom to open GitHub issues; `apiUrl` is `https://HOST/api/v3` on GitHub Enterprise Server. */
export interface GitHubIssuesSettings {
  apiUrl: string;
  token: string;
  /** `owner/repo`. */
  repository: string;
}

/**
 * GitHub's REST "create an issue": `POST /repos/{owner}/{repo}/issues` with `title`, `body`
 * and `labels`, a bearer token, `Accept: application/vnd.github+json` and the API version
 * header GitHub documents. Answers 201 with `number` and `html_url`.
 */
export function gitHubIssuesClient(settings: GitHubIssuesSettings): TrackerClient {
  const base = settings.apiUrl.replace(/\/+$/, '');
  return {
    kind: 'github',
    async createIssue(request) {
      const response = await fetch(`${base}/repos/${settings.repository}/issues`, {
        method: 'POST',
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${settings.token}`,
          'x-github-api-version': '2022-11-28',
          'content-type': 'application/json',
          'user-agent': 'Debrief',
        },
        body: JSON.stringify({ title: request.title, body: request.body, labels: request.labels }),
        signal: AbortSignal.timeout(15_000),
      });
      if (response.status !== 201) {
        throw new Error(`GitHub answered ${response.status} when creating an issue`);
      }
      const issue = (await response.json()) as { number: number; html_url: string };
      return { url: issue.html_url, key: `github:${settings.repository}#${issue.number}` };
    },
  };
}
