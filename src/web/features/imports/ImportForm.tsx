import { type DragEvent, type FormEvent, useState } from 'react';
import { timelineSources } from '../../../domain/timeline-event.ts';
import type { ImportOptions } from '../../api/imports-api.ts';
import { Field } from '../../components/Field.tsx';
import { localInputToIso } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';

interface ImportFormProps {
  pending: boolean;
  onSubmit: (file: File, options: ImportOptions) => void;
  onCancel: () => void;
}

const importable = timelineSources.filter((s) => s !== 'manual' && s !== 'personal_account');

/** Picks (or takes a dropped) file and the import's source, channels, window and zone. */
export function ImportForm({ pending, onSubmit, onCancel }: ImportFormProps) {
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [channels, setChannels] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [zone, setZone] = useState('');
  const [dragging, setDragging] = useState(false);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) {
      setFile(dropped);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) {
      onSubmit(file, {
        source: source || undefined,
        channels: channels.trim() || undefined,
        since: localInputToIso(since) ?? undefined,
        until: localInputToIso(until) ?? undefined,
        zone: zone.trim() || undefined,
      });
    }
  };

  return (
    <form className="form" onSubmit={submit}>
      <section
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        aria-label="Drop a file here"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <Field
          label="File"
          required
          hint="A Slack export (.zip), webhook payloads (.json), logs, metrics (.json, .csv) or a Markdown table. Or drop it here."
        >
          <input
            type="file"
            required
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Field>
        {file && (
          <p className="muted">
            {file.name} — {(file.size / 1024).toFixed(1)} KiB
          </p>
        )}
      </section>
      <Field label="Source" hint="Detected from the content unless you choose.">
        <select value={source} onChange={(event) => setSource(event.target.value)}>
          <option value="">Detect automatically</option>
          {importable.map((value) => (
            <option key={value} value={value}>
              {postmortemLabels.timelineSource[value]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Channels" hint="Slack only: comma-separated channel names; empty imports all.">
        <input value={channels} onChange={(event) => setChannels(event.target.value)} />
      </Field>
      <Field label="From (your local time)">
        <input
          type="datetime-local"
          value={since}
          onChange={(event) => setSince(event.target.value)}
        />
      </Field>
      <Field label="Until (your local time)">
        <input
          type="datetime-local"
          value={until}
          onChange={(event) => setUntil(event.target.value)}
        />
      </Field>
      <Field
        label="Time zone"
        hint="For times written without a zone, e.g. Europe/Berlin. Empty: the file must say."
      >
        <input
          value={zone}
          placeholder="Europe/Berlin"
          onChange={(event) => setZone(event.target.value)}
        />
      </Field>
      <div className="actions">
        <button type="submit" disabled={!file || pending}>
          Upload and import
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
