import type { ImportJob } from '../../api/imports-api.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { jobErrorText } from './import-progress.ts';

/** What an import did: events proposed, duplicates skipped, log lines collapsed — or why it failed. */
export function ImportSummary({ job }: { job: ImportJob }) {
  if (job.status === 'failed') {
    return (
      <div role="alert" className="problem">
        <p className="problem-title">The import failed; nothing was added.</p>
        <p>{jobErrorText(job.error)}</p>
      </div>
    );
  }
  const warnings = Array.isArray(job.summary.warnings) ? job.summary.warnings.length : 0;
  return (
    <div role="status">
      <p>
        <strong>Import finished.</strong>
        {` Source: ${postmortemLabels.timelineSource[job.source]} (${job.sourceDetection}).`} The
        new events are proposed: review them in the timeline.
      </p>
      <dl className="details">
        <dt>Events proposed</dt>
        <dd>{job.eventsProposed}</dd>
        <dt>Duplicates skipped</dt>
        <dd>{job.duplicatesSkipped}</dd>
        <dt>Lines collapsed</dt>
        <dd>{job.linesCollapsed}</dd>
        <dt>Warnings</dt>
        <dd>{warnings}</dd>
      </dl>
    </div>
  );
}
