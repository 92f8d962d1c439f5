import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** The input; the wrapping label names it. */
  children: ReactNode;
  hint?: string;
  required?: boolean;
}

/** A labelled form control with an optional hint below it. */
export function Field({ label, children, hint, required }: FieldProps) {
  return (
    <div className="field">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children, inside the label */}
      <label>
        <span className="field-label">
          {label}
          {required && (
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
          )}
        </span>
        {children}
      </label>
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
