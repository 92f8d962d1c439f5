import type { FormEvent, ReactNode } from 'react';
import { navigate } from '../routing/location-store.ts';

interface FilterFormProps {
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  /** The unfiltered page, where Clear goes. */
  clearHref: string;
  /** Applies the filters, usually by changing the address. */
  onApply: () => void;
  children: ReactNode;
}

/** A form of filter fields followed by its submit button and Clear. */
export function FilterForm({ label, submitLabel, clearHref, onApply, children }: FilterFormProps) {
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };

  return (
    <form className="filters" onSubmit={handleSubmit} aria-label={label}>
      {children}
      <div className="filters-actions">
        <button type="submit">{submitLabel}</button>
        <button type="button" className="secondary" onClick={() => navigate(clearHref)}>
          Clear
        </button>
      </div>
    </form>
  );
}
