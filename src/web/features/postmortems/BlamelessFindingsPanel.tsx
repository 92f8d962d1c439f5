import { useCallback } from 'react';
import { blamelessApi } from '../../api/blameless-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { WaiveFindingForm } from './WaiveFindingForm.tsx';

interface BlamelessFindingsPanelProps {
  postmortemId: string;
  sections: PolicyView['reportSections'];
  canEdit: boolean;
  onChanged: () => void;
}

/** The saved report's blameless-language findings; each is rephrased or waived with a reason. */
export function BlamelessFindingsPanel({
  postmortemId,
  sections,
  canEdit,
  onChanged,
}: BlamelessFindingsPanelProps) {
  const load = useCallback(() => blamelessApi.list(postmortemId), [postmortemId]);
  const findings = useResource(load);

  if (!findings.data) {
    return <LoadState problem={findings.problem} onRetry={findings.reload} />;
  }
  const fieldLabel = (field: string) =>
    sections.find((section) => `sections.${section.key}` === field)?.label ?? field;
  const items = findings.data.data;

  return (
    <section className="card" aria-labelledby="blameless-heading">
      <h3 id="blameless-heading">Blameless check</h3>
      {items.length === 0 ? (
        <p className="ok">No blameless-language findings in the saved report.</p>
      ) : (
        <ul className="findings">
          {items.map((finding) => (
            <li key={finding.key}>
              <p>
                <strong>“{finding.excerpt}”</strong> in {fieldLabel(finding.target.field)}:{' '}
                {finding.message} <em>{finding.suggestion}</em>
              </p>
              {finding.waiver ? (
                <p className="muted">Waived: {finding.waiver.reason}</p>
              ) : (
                canEdit && (
                  <WaiveFindingForm
                    excerpt={finding.excerpt}
                    onWaive={async (reason) => {
                      await blamelessApi.waive(postmortemId, { key: finding.key, reason });
                      await findings.reload();
                      onChanged();
                    }}
                  />
                )
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
