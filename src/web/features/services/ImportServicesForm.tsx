import { type FormEvent, useState } from 'react';
import { servicesApi } from '../../api/services-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusNote } from '../../components/StatusNote.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

const example = '{ "services": [ { "name": "alerting", "dependsOn": ["chat-gateway"] } ] }';

/** Pastes a catalogue as JSON and imports it, all or nothing. */
export function ImportServicesForm({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNote('');
    const result = await submit.run(async () => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error('The text is not valid JSON.');
      }
      return servicesApi.import(json);
    });
    if (result) {
      const { created, updated } = result.data;
      setNote(`Imported: ${created.length} created, ${updated.length} updated.`);
      setText('');
      onImported();
    }
  };

  return (
    <form className="form" onSubmit={handleSubmit} aria-label="Import services">
      <Field
        label="Catalogue JSON"
        hint={`Every listed service is created or replaced; nothing is written if one is wrong. ${example}`}
      >
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={6} required />
      </Field>
      <ProblemAlert problem={submit.problem} />
      <StatusNote message={note} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          Import
        </button>
      </div>
    </form>
  );
}
