import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';

interface ResolveQuestionFormProps {
  pending: boolean;
  onResolve: (resolution: string) => void;
  onCancel: () => void;
}

/** Says how an open question was answered or a disagreement settled. */
export function ResolveQuestionForm({ pending, onResolve, onCancel }: ResolveQuestionFormProps) {
  const [resolution, setResolution] = useState('');
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onResolve(resolution);
  };
  return (
    <form className="form inline-form" onSubmit={handleSubmit} aria-label="Resolve">
      <label className="grow">
        <span className="visually-hidden">Resolution</span>
        <input
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          maxLength={limits.longTextMax}
          placeholder="How was it answered or settled?"
          required
          // biome-ignore lint/a11y/noAutofocus: the field appears on request; focus follows the click
          autoFocus
        />
      </label>
      <button type="submit" disabled={pending || resolution.trim() === ''}>
        Save resolution
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
