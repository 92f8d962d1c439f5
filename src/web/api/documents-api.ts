import { type ExportFormat, reportDraftResponseSchema } from '../../contracts/documents.ts';
import { apiBase, requestJson } from './http.ts';

const postmortemPath = (id: string) => `/postmortems/${encodeURIComponent(id)}`;

/** The report as a document: download links per format, and the draft from the data. */
export const documentsApi = {
  /** Where the browser downloads the report (the session cookie authenticates the GET). */
  exportUrl: (postmortemId: string, format: ExportFormat) =>
    `${apiBase}${postmortemPath(postmortemId)}/export?format=${format}`,
  draft: (postmortemId: string) =>
    requestJson(reportDraftResponseSchema, 'POST', `${postmortemPath(postmortemId)}/report-draft`),
};
