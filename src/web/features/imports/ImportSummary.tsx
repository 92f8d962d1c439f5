import type { ImportJob } from '../../api/imports-api.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { importSummaryLists, jobErrorText } from './import-progress.ts';

/**
 * What an import did: events proposed, duplicates skipped, log lines collapsed, which importer
 * read which files, the files skipped and the warnings themselves — or why it failed.
 */
export function ImportSummary({ job }: { job: ImportJob }) {
  if (job.status === 'failed') {
    return (
      <div role="alert" className="problem">
        <p className="problem-title">The import failed; nothing was added.</p>
        <p>{jobErrorText(job.error)}</p>
      </div>
    );
  }
  const { parts, skipped, warnings, warningsTotal, outsideWindow, window } = importSummaryLists(
    job.summary,
  );
  return (
    <div role="status">
      <p>
        <strong>Import finished.</strong>
        {parts.length > 1
          ? ` ${parts.length} parts, each detected on its own.`
          : ` Source: ${postmortemLabels.timelineSource[job.source]} (${job.sourceDetection}).`}{' '}
        The new events are proposed: review them in the timeline.
      </p>
      <dl className="details">
        <dt>Events proposed</dt>
        <dd>{job.eventsProposed}</dd>
        <dt>Duplicates skipped</dt>
        <dd>{job.duplicatesSkipped}</dd>
        <dt>Lines collapsed</dt>
        <dd>{job.linesCollapsed}</dd>
        <dt>Warnings</dt>
        <dd>{warningsTotal}</dd>
        {window.basis !== 'none' && (
          <>
            <dt>Outside the window, left out</dt>
            <dd>{outsideWindow}</dd>
          </>
        )}
      </dl>
      {window.basis !== 'none' && (
        <p className="muted">
          Kept {window.basis === 'incident' ? 'the incident window' : 'the window you chose'}:{' '}
          {window.since ? formatInstant(window.since) : 'any time'} to{' '}
          {window.until ? formatInstant(window.until) : 'any time'}.
          {window.basis === 'incident' ? ' Set From and Until to import another span.' : ''}
        </p>
      )}
      {parts.length > 1 && (
        <ul aria-label="Parts">
          {parts.map((part) => (
            <li key={`${part.source}:${part.paths[0] ?? ''}`}>
              {part.paths[0] ?? job.fileName}
              {part.files > 1 ? ` and ${part.files - 1} more` : ''}:{' '}
              {postmortemLabels.timelineSource[part.source] ?? part.source}, {part.eventsProposed}{' '}
              events
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <section aria-label="Files skipped">
          <p>Files skipped ({skipped.length}):</p>
          <ul>
            {skipped.map((file) => (
              <li key={file.path}>
                {file.path}: {file.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {warnings.length > 0 && (
        <section aria-label="Warnings">
          <p>
            Warnings
            {warningsTotal > warnings.length
              ? ` (the first ${warnings.length} of ${warningsTotal})`
              : ''}
            :
          </p>
          <ul>
            {warnings.map((warning, index) => (
              // Warnings have no identity of their own; their order is the import's.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
              <li key={index}>
                {warning.where ? `${warning.where}: ` : ''}
                {warning.message} <span className="muted">({warning.code})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
