import type { Report } from '../build-report.ts';
import type { RedactionKind, RedactionMarks } from '../redaction/redact-text.ts';
import { renderHtml } from '../render-html.ts';
import { escapeXml } from '../why-tree-svg.ts';

/**
 * Characters from Unicode's private use area that wrap each redaction of a preview through the
 * renderers (Markdown and HTML escaping leave them alone); `renderRedactionPreview` turns them into
 * highlights afterwards.
 */
export const previewMarks: RedactionMarks = {
  open: (kind: RedactionKind) => `\uE000${kind}\uE002`,
  close: '\uE001',
};

const previewStyle =
  'mark.redaction{background:#fff1a8;outline:1px solid #b38f00;border-radius:2px;padding:0 2px}mark.redaction::after{content:" (" attr(data-kind) ")";font-size:.75em;color:#6b5500}';

/**
 * The preview of a public version: the page exactly as it would be published, with each
 * redaction highlighted and labelled by what it removed (a person, an internal host, …).
 * Inside the why-tree drawing the marks are dropped (SVG text cannot hold a highlight).
 */
export function renderRedactionPreview(markedReport: Report): string {
  const html = renderHtml(markedReport)
    .replace(/<svg[\s\S]*?<\/svg>/g, (svg) => svg.replace(/\uE000[a-z_]+\uE002|\uE001/g, ''))
    .replace(
      /\uE000([a-z_]+)\uE002([^\uE000\uE001]*)\uE001/g,
      (_all, kind: string, text: string) =>
        `<mark class="redaction" data-kind="${escapeXml(kind.replaceAll('_', ' '))}">${text}</mark>`,
    )
    .replace(/[\uE000-\uE002]/g, '');
  return html.replace('</style>', `${previewStyle}</style>`);
}

/** The published page: the report and a line saying what it is and since when. */
export function renderPublicationHtml(
  report: Report,
  publication: { audience: 'internal' | 'public'; publishedAt: Date },
): string {
  const note =
    publication.audience === 'public'
      ? `Public version, published ${publication.publishedAt.toISOString().slice(0, 10)}. Names are replaced by roles and internal details removed.`
      : `Published internally ${publication.publishedAt.toISOString().slice(0, 10)}.`;
  return renderHtml(report).replace(
    '</header>',
    `<p class="meta publication">${escapeXml(note)}</p></header>`,
  );
}
