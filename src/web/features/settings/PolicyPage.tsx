import { useCallback } from 'react';
import { policyApi } from '../../api/policy-api.ts';
import { settingsApi } from '../../api/settings-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { formatDate } from '../../lib/datetime.ts';
import { useResource } from '../../lib/use-resource.ts';
import { incidentLabels } from '../incidents/labels.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { PerSeverityTable } from './PolicySettingsTable.tsx';

const loadAll = () => Promise.all([policyApi.get(), settingsApi.policySource()]);
const list = (values: string[]) => (values.length ? values.join(', ') : 'none');
const phaseColumns = (['analysis', 'documentation', 'follow_up', 'closed'] as const).map(
  (phase) => [phase, postmortemLabels.phase[phase]] as const,
);

/** The effective policy, read-only, with where each part of it came from. */
export function PolicyPage() {
  const load = useCallback(loadAll, []);
  const state = useResource(load);
  if (!state.data) {
    return <LoadState problem={state.problem} onRetry={state.reload} />;
  }
  const [policy, { data: source }] = state.data;
  const origin = (key: string) =>
    source.keysFromFile.includes(key) ? (
      <span className="tag">From the policy file</span>
    ) : (
      <span className="tag">Built in</span>
    );
  const via = source.via === 'flag' ? 'the --policy option' : 'the DEBRIEF_POLICY variable';

  return (
    <>
      <h2>Effective policy</h2>
      <p>
        {source.file ? (
          <>
            The built-in policy with <code>{source.file}</code> (named by {via}) laid over it; each
            part below says where it came from.
          </>
        ) : (
          'The built-in policy: no policy file was given when the server started.'
        )}{' '}
        <span className="muted">Change it in the file and restart; it is read-only here.</span>
      </p>
      <section className="card" aria-labelledby="policy-required">
        <h3 id="policy-required">
          Which incidents need a postmortem {origin('requirePostmortem')}
        </h3>
        <ul>
          <li>
            Severities:{' '}
            {list(policy.requirePostmortem.severities.map((s) => incidentLabels.severityShort[s]))}
          </li>
          <li>Kinds: {list(policy.requirePostmortem.kinds.map((k) => incidentLabels.kind[k]))}</li>
          <li>
            Near misses that could have been:{' '}
            {list(
              policy.requirePostmortem.nearMissPotentialSeverities.map(
                (s) => incidentLabels.severityShort[s],
              ),
            )}
          </li>
          <li>Drills: {policy.requirePostmortem.includeDrills ? 'included' : 'not included'}</li>
        </ul>
      </section>
      <section className="card" aria-labelledby="policy-deadlines">
        <h3 id="policy-deadlines">
          Phase deadlines, business days after resolution {origin('dueBusinessDays')}
        </h3>
        <PerSeverityTable
          caption="Phase deadlines"
          columns={phaseColumns}
          values={policy.dueBusinessDays}
          unit="days"
        />
        <p>
          Holidays {origin('holidays')}: {list(policy.holidays.map((day) => formatDate(day)))}
        </p>
      </section>
      <section className="card" aria-labelledby="policy-approvals">
        <h3 id="policy-approvals">
          Reviewer approvals needed {origin('requiredReviewerApprovals')}
        </h3>
        <PerSeverityTable
          caption="Reviewer approvals"
          columns={[['count', 'Approvals']]}
          values={policy.requiredReviewerApprovals}
          unit=""
        />
        <p>
          {policy.authorMayApprove
            ? 'The person who opened a postmortem may approve its report.'
            : 'The person who opened a postmortem does not approve its report; another reviewer does.'}{' '}
          {origin('authorMayApprove')}
        </p>
      </section>
      <section className="card" aria-labelledby="policy-taxonomy">
        <h3 id="policy-taxonomy">Contributing-factor categories {origin('factorTaxonomy')}</h3>
        <ul>
          {policy.factorTaxonomy.map((category) => (
            <li key={category.key}>
              {category.label}
              {category.description && <span className="muted"> — {category.description}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="policy-sections">
        <h3 id="policy-sections">Report sections {origin('reportSections')}</h3>
        <ul>
          {policy.reportSections.map((section) => (
            <li key={section.key}>
              {section.label} {section.required && <span className="tag">Required</span>}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="policy-intake">
        <h3 id="policy-intake">Alerts from integrations {origin('intake')}</h3>
        <p>
          Severity read from the “{policy.intake.severityLabel}” label;{' '}
          {policy.intake.openIncidentAtOrAbove
            ? `an alert at ${incidentLabels.severityShort[policy.intake.openIncidentAtOrAbove]} or worse opens an incident when none is open.`
            : 'alerts never open an incident on their own.'}
        </p>
        <ul>
          {Object.entries(policy.intake.severityMap).map(([vendor, severity]) => (
            <li key={vendor}>
              “{vendor}” counts as {incidentLabels.severityShort[severity]}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="policy-anti-patterns">
        <h3 id="policy-anti-patterns">Anti-pattern thresholds {origin('antiPatterns')}</h3>
        <p>
          Follow-up counts as stale after {policy.antiPatterns.followUpStaleDays} days without
          progress.
        </p>
        <PerSeverityTable
          caption="Analysis budget"
          columns={[['budget', 'Analysis budget']]}
          values={policy.antiPatterns.analysisBudgetBusinessDays}
          unit="business days"
        />
      </section>
    </>
  );
}
