import { type DragEvent, type FormEvent, useState } from 'react';
import { timelineSources } from '../../../domain/timeline-event.ts';
import type { ImportOptions } from '../../api/imports-api.ts';
import { Field } from '../../components/Field.tsx';
import { localInputToIso } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';

interface ImportFormProps {
  pending: boolean;
  onSubmit: (files: File[], options: ImportOptions) => void;
  onCancel: () => void;
}

const importable = timelineSources.filter((s) => s !== 'manual' && s !== 'personal_account');

/**
 * Picks (or takes dropped) files or a whole folder, and the import's source, channels, window
 * and zone. Several files are imported together, each detected on its own.
 */
export function ImportForm({ pending, onSubmit, onCancel }: ImportFormProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [source, setSource] = useState('');
  const [channels, setChannels] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [zone, setZone] = useState('');
  const [allTime, setAllTime] = useState(false);
  const [threshold, setThreshold] = useState('');
  const [dragging, setDragging] = useState(false);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = [...event.dataTransfer.files];
    if (dropped.length > 0) {
      setFiles(dropped);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (files.length > 0) {
      onSubmit(files, {
        source: source || undefined,
        channels: channels.trim() || undefined,
        since: localInputToIso(since) ?? undefined,
        until: localInputToIso(until) ?? undefined,
        zone: zone.trim() || undefined,
        window: allTime ? 'all' : undefined,
        threshold: threshold.trim() || undefined,
      });
    }
  };

  return (
    <form className="form" onSubmit={submit}>
      <section
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        aria-label="Drop files here"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <Field
          label="Files"
          hint="A Slack export (.zip), webhook payloads (.json), logs, metrics (.json, .csv), a Markdown timeline — one or several. Or drop them here."
        >
          <input
            type="file"
            multiple
            onChange={(event) => setFiles([...(event.target.files ?? [])])}
          />
        </Field>
        <Field label="Or a folder" hint="Every file in it is detected on its own.">
          <input
            type="file"
            aria-label="Folder"
            // The attribute is not in React's types; browsers take it as a plain attribute.
            {...{ webkitdirectory: '' }}
            onChange={(event) => setFiles([...(event.target.files ?? [])])}
          />
        </Field>
        {files.length > 0 && (
          <p className="muted">
            {files.length === 1 ? files[0]?.name : `${files.length} files`} —{' '}
            {(files.reduce((sum, file) => sum + file.size, 0) / 1024).toFixed(1)} KiB
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
      <Field
        label="Whole files"
        hint="By default only events from 24 hours before the incident to 24 hours after it are kept; what is left out is counted."
      >
        <input
          type="checkbox"
          checked={allTime}
          onChange={(event) => setAllTime(event.target.checked)}
        />
      </Field>
      <Field label="From (your local time)" hint="Empty: 24 hours before the incident.">
        <input
          type="datetime-local"
          value={since}
          onChange={(event) => setSince(event.target.value)}
        />
      </Field>
      <Field label="Until (your local time)" hint="Empty: 24 hours after the incident.">
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
      <Field
        label="Metric threshold"
        hint="Metrics only: e.g. >0.05, <10 or 5%. Crossings become events; empty: the file's own."
      >
        <input value={threshold} onChange={(event) => setThreshold(event.target.value)} />
      </Field>
      <div className="actions">
        <button type="submit" disabled={files.length === 0 || pending}>
          Upload and import
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
