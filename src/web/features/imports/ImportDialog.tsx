import { useEffect, useRef, useState } from 'react';
import type { Problem } from '../../../contracts/problem.ts';
import { toProblem } from '../../api/api-error.ts';
import {
  getImportJob,
  type ImportJob,
  type ImportOptions,
  uploadImport,
} from '../../api/imports-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ImportForm } from './ImportForm.tsx';
import { ImportSummary } from './ImportSummary.tsx';
import { isFinished, jobFraction } from './import-progress.ts';

interface ImportDialogProps {
  postmortemId: string;
  onClose: () => void;
  /** Called once the job has finished, so the timeline reloads. */
  onImported: () => void;
}

const pollMs = 1000;

/** Upload files or a folder (with upload progress), then follow the import job to its summary. */
export function ImportDialog({ postmortemId, onClose, onImported }: ImportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) {
      element.showModal();
    }
    return () => element?.close();
  }, []);

  useEffect(() => {
    if (!job || isFinished(job)) {
      return;
    }
    const timer = setTimeout(async () => {
      try {
        const next = (await getImportJob(job.id)).data;
        setJob(next);
        if (isFinished(next)) {
          onImported();
        }
      } catch (error) {
        setProblem(toProblem(error));
      }
    }, pollMs);
    return () => clearTimeout(timer);
  }, [job, onImported]);

  const start = async (files: File[], options: ImportOptions) => {
    setProblem(null);
    setUploaded(0);
    try {
      const queued = await uploadImport(postmortemId, files, options, setUploaded);
      setJob(queued);
      if (isFinished(queued)) {
        onImported();
      }
    } catch (error) {
      setUploaded(null);
      setProblem(toProblem(error));
    }
  };
  const fraction = job ? jobFraction(job) : null;

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby="import-heading"
      onClose={onClose}
    >
      <h2 id="import-heading">Import into the timeline</h2>
      {uploaded === null && !job && (
        <ImportForm pending={false} onSubmit={start} onCancel={onClose} />
      )}
      {uploaded !== null && !job && (
        <p>
          Uploading… {Math.round(uploaded * 100)} %
          <progress aria-label="Upload" max={1} value={uploaded} />
        </p>
      )}
      {job && !isFinished(job) && (
        <p aria-live="polite">
          Importing ({job.status})…
          {fraction === null ? (
            <progress aria-label="Import" />
          ) : (
            <progress aria-label="Import" max={1} value={fraction} />
          )}
        </p>
      )}
      {job && isFinished(job) && <ImportSummary job={job} />}
      <ProblemAlert problem={problem} />
      {(job || problem) && (
        <div className="actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </dialog>
  );
}
