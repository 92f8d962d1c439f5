const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Words that read better in their own spelling than in the code's. */
const spelled: Record<string, string> = {
  api: 'API',
  pagerduty: 'PagerDuty',
  github: 'GitHub',
  opsgenie: 'Opsgenie',
  alertmanager: 'Alertmanager',
};

/** A lower_snake code as words: `follow_up` → "follow up", `api_token` → "API token". */
export function codeToWords(code: string): string {
  return code
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((word) => spelled[word] ?? word)
    .join(' ');
}

/**
 * An audit action as a sentence fragment: `postmortem.phase_changed` → "Postmortem phase
 * changed", `action_item.created` → "Action item created". Actions the UI has never heard of
 * still read as words, never as the raw code.
 */
export function describeAction(action: string): string {
  return capitalize(action.split('.').map(codeToWords).join(' '));
}
