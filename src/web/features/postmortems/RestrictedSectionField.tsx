import { useEffect, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { type Postmortem, postmortemsApi } from '../../api/postmortems-api.ts';
import type { RestrictedSection } from '../../api/publishing-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusNote } from '../../components/StatusNote.tsx';
import type { Abilities } from '../../lib/abilities.ts';
import { useSubmit } from '../../lib/use-submit.ts';

interface RestrictedSectionFieldProps {
  postmortem: Postmortem;
  section: { key: string; label: string; required: boolean };
  restricted: RestrictedSection;
  canEdit: boolean;
  onSaved: (result: { data: Postmortem; abilities: Abilities }) => void;
}

/**
 * A report section restricted to named members. Its text is kept apart from the open sections
 * (it is not in `postmortem.sections`), so it is read from the restricted list and saved on its
 * own: a member reads and writes it here; anyone else reads that it is restricted, never an
 * empty box that looks like a missing section.
 */
export function RestrictedSectionField({
  postmortem,
  section,
  restricted,
  canEdit,
  onSaved,
}: RestrictedSectionFieldProps) {
  const [text, setText] = useState(restricted.text ?? '');
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  useEffect(() => setText(restricted.text ?? ''), [restricted.text]);

  if (!restricted.readable) {
    return (
      <p>
        <strong>{section.label}</strong>: restricted to its members; you are not among them.
      </p>
    );
  }
  const save = async () => {
    setSaved('');
    const result = await submit.run(() =>
      postmortemsApi.update(postmortem.id, postmortem.version, {
        sections: { [section.key]: text },
      }),
    );
    if (result) {
      setSaved(`${section.label} saved.`);
      onSaved(result);
    }
  };
  return (
    <div>
      <Field
        label={section.label}
        required={section.required}
        hint="Restricted: only its members read this section, in the app, exports and search."
      >
        <textarea
          value={text}
          onChange={(e) => {
            setSaved('');
            setText(e.target.value);
          }}
          rows={5}
          readOnly={!canEdit}
          maxLength={limits.sectionMax}
        />
      </Field>
      <ProblemAlert problem={submit.problem} />
      <StatusNote message={saved} />
      {canEdit && (
        <div className="actions">
          <button
            type="button"
            disabled={submit.pending || text === (restricted.text ?? '')}
            onClick={() => void save()}
          >
            Save {section.label}
          </button>
        </div>
      )}
    </div>
  );
}
