import { useMemo } from 'react';
import { findBlamelessFindings } from '../../../analysis/blameless/find-blameless-findings.ts';

/** Blameless-language hints for one text, computed in the browser as the author types. */
export function BlamelessHints({ field, text }: { field: string; text: string }) {
  const findings = useMemo(() => findBlamelessFindings([{ field, text }]), [field, text]);
  if (findings.length === 0) {
    return null;
  }
  return (
    <ul className="hints" aria-label="Blameless language hints">
      {findings.map((finding) => (
        <li key={`${finding.rule}:${finding.target.start}`}>
          <strong>“{finding.excerpt}”</strong>: {finding.message} <em>{finding.suggestion}</em>
        </li>
      ))}
    </ul>
  );
}
