/** Display names of the anti-patterns, keyed by the API's `antiPattern` value. */
export const antiPatternLabels: Record<string, string> = {
  write_only_report: 'Write-only report',
  punitive_action_items: 'Punitive action item',
  circular_remediation: 'Circular remediation',
  analysis_paralysis: 'Analysis paralysis',
  blame_game: 'Blame game',
};

/** Display names of finding severities. */
export const findingSeverityLabels: Record<string, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

/** Existing style classes per severity (errors stand out like a sev1 badge). */
export const findingSeverityClass: Record<string, string> = {
  error: 'badge badge-sev1',
  warning: 'tag tag-warn',
  info: 'tag',
};
