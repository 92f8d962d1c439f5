import { useMemo } from 'react';
import type { BlamelessOptions } from '../../../analysis/blameless/find-blameless-findings.ts';
import { editorHints } from './editor-hints.ts';

/** Blameless-language hints for one text, computed in the browser as the author types. */
export function BlamelessHints({
  field,
  text,
  context,
}: {
  field: string;
  text: string;
  context?: BlamelessOptions;
}) {
  const findings = useMemo(() => editorHints(field, text, context), [field, text, context]);
  if (findings.length === 0) {
    return null;
  }
  return (
    <ul className="hints" aria-label="Blameless language hints">
      {findings.map((finding) => (
        <li key={`${finding.rule}:${finding.target.start}`}>
          <strong>“{finding.excerpt}”</strong>
          {finding.severity === 'hint' ? ' (quoted speech, a hint only)' : ''}: {finding.message}{' '}
          <em>{finding.suggestion}</em>
        </li>
      ))}
    </ul>
  );
}
