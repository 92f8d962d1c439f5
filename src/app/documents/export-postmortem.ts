import type { ExportFormat } from '../../contracts/documents.ts';
import type { Actor } from '../../domain/user.ts';
import { buildReport } from '../../reports/build-report.ts';
import { renderJson } from '../../reports/render-json.ts';
import { renderMarkdown } from '../../reports/render-markdown.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadReportData } from './load-report-data.ts';
import { printPdf } from './print-pdf.ts';

/** One exported document, ready to write to a file or send as a download. */
export interface ExportedDocument {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const contentTypes: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/** A file name from the title: lower-case words joined by dashes, at most 60 characters. */
export const fileNameFor = (title: string, format: ExportFormat) =>
  `${
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'postmortem'
  }.${format}`;

/**
 * Exports a postmortem the actor may read as Markdown (the postmortems-as-code document),
 * self-contained HTML, PDF (HTML printed by headless Chromium) or JSON — all rendered from one
 * report model. The data is read in one transaction; printing happens after it closes.
 */
export async function exportPostmortem(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  options: { format: ExportFormat; templateKey?: string },
): Promise<ExportedDocument> {
  const data = await inTransaction(deps, (tx) =>
    loadReportData(tx, actor, postmortemId, { templateKey: options.templateKey }),
  );
  const report = buildReport(data);
  const fileName = fileNameFor(report.title, options.format);
  const contentType = contentTypes[options.format];
  // The HTML renderer brings markdown-it, which only HTML and PDF exports need.
  const renderHtml = async (r: typeof report) =>
    (await import('../../reports/render-html.ts')).renderHtml(r);
  switch (options.format) {
    case 'md':
      return { fileName, contentType, body: Buffer.from(renderMarkdown(report)) };
    case 'html':
      return { fileName, contentType, body: Buffer.from(await renderHtml(report)) };
    case 'json':
      return { fileName, contentType, body: Buffer.from(renderJson(report)) };
    case 'pdf':
      return { fileName, contentType, body: await printPdf(await renderHtml(report)) };
    default: {
      const never: never = options.format;
      return never;
    }
  }
}
