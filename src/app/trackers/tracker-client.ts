/** What a tracker is asked to open for an action item. */
export interface TrackerIssueRequest {
  title: string;
  body: string;
  labels: string[];
}

/** The issue a tracker opened: where people read it, and the key its webhooks will name. */
export interface TrackerIssue {
  url: string;
  key: string;
}

/** One issue tracker (GitHub Issues, Jira), as the use cases need it. */
export interface TrackerClient {
  kind: 'github' | 'jira';
  createIssue(request: TrackerIssueRequest): Promise<TrackerIssue>;
}
