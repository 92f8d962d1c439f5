import { useState } from 'react';
import { type ExportFormat, exportFormats } from '../../../contracts/documents.ts';
import { documentsApi } from '../../api/documents-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusNote } from '../../components/StatusNote.tsx';
import { useSubmit } from '../../lib/use-submit.ts';

const formatLabels: Record<ExportFormat, string> = {
  md: 'Markdown (postmortem as code)',
  html: 'HTML page',
  pdf: 'PDF',
  json: 'JSON',
};

interface ReportDocumentMenuProps {
  postmortemId: string;
  canEdit: boolean;
  /** Called after the draft filled sections, so the page shows them. */
  onDrafted: () => void;
}

/** The report as a document: a download menu per format and "draft the empty sections". */
export function ReportDocumentMenu({ postmortemId, canEdit, onDrafted }: ReportDocumentMenuProps) {
  const submit = useSubmit();
  const [note, setNote] = useState('');
  const handleDraft = async () => {
    setNote('');
    const result = await submit.run(() => documentsApi.draft(postmortemId));
    if (result) {
      setNote(
        result.data.filled.length
          ? `Drafted from the data: ${result.data.filled.join(', ')}.`
          : 'Every section the draft covers is already written.',
      );
      onDrafted();
    }
  };
  return (
    <div className="report-document-menu">
      <details className="download-menu">
        <summary>Download report</summary>
        <ul>
          {exportFormats.map((format) => (
            <li key={format}>
              <a href={documentsApi.exportUrl(postmortemId, format)} download>
                {formatLabels[format]}
              </a>
            </li>
          ))}
        </ul>
      </details>
      {canEdit && (
        <button type="button" onClick={() => void handleDraft()} disabled={submit.pending}>
          Draft empty sections from the data
        </button>
      )}
      <ProblemAlert problem={submit.problem} />
      <StatusNote message={note} />
    </div>
  );
}
