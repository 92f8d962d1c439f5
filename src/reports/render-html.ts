import { actionItemColumns } from './action-item-columns.ts';
import type { Report, ReportPart } from './build-report.ts';
import { formatMinutes } from './durations.ts';
import { reportStyle } from './report-style.ts';
import { factorGroups, incidentFacts as factsOf, whyMark } from './report-wording.ts';
import { renderSafeMarkdown } from './safe-markdown.ts';
import { escapeXml as esc, whyTreeSvg } from './why-tree-svg.ts';

const table = (header: string[], rows: string[]) =>
  `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
const cells = (values: string[]) => `<tr>${values.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`;

function incidentFacts(report: Report): string {
  return report.incidents
    .map((incident) => {
      const facts = factsOf(incident);
      const services = incident.services.length
        ? ` Services: ${esc(incident.services.join(', '))}.`
        : '';
      const summary = incident.summary.trim() ? renderSafeMarkdown(incident.summary) : '';
      return `<p><strong>${esc(incident.title)}</strong> (${esc(facts)}).${services}</p>${summary}`;
    })
    .join('');
}

function keyInstants(report: Report): string {
  const blocks = report.incidents.map((incident) => {
    const heading =
      report.incidents.length > 1 ? `<p><strong>${esc(incident.title)}</strong></p>` : '';
    if (incident.instants.length === 0) {
      return `${heading}<p class="empty">No key instants recorded.</p>`;
    }
    const instants = table(
      ['Instant', 'Time (UTC)', 'Source', 'Precision'],
      incident.instants.map((i) => cells([i.name, i.at, i.source, i.precision])),
    );
    const durations = incident.durations
      .map(
        (d) =>
          `<li>${esc(d.label)}: <strong>${esc(formatMinutes(d.minutes))}</strong>${d.estimated ? ' <span class="badge">estimated</span>' : ''} — ${esc(d.provenance)}</li>`,
      )
      .join('');
    return `${heading}${instants}${durations ? `<ul>${durations}</ul>` : ''}`;
  });
  const figures = report.impactFigures
    .map((f) => `<li>${esc(f.label)}: ${esc(f.value)}</li>`)
    .join('');
  return blocks.join('') + (figures ? `<ul>${figures}</ul>` : '');
}

/** `2026-03-02 14:07:00` from an ISO instant; milliseconds only when there are some. */
const shortTime = (iso: string) => iso.replace('T', ' ').replace(/\.000Z$|Z$/, '');

function timeline(report: Report): string {
  if (report.timeline.length === 0) {
    return '<p class="empty">No timeline events.</p>';
  }
  const rows: string[] = [];
  for (const e of report.timeline) {
    rows.push(
      `<tr${e.pinned ? ' class="pinned"' : ''}><td class="time">${shortTime(e.at)}${e.pinned ? ' <span class="badge">pinned</span>' : ''}</td><td>${e.kind}${e.proposed ? ' <span class="badge">proposed</span>' : ''}</td><td>${esc(e.actor ?? '')}</td><td>${esc(e.text)}</td></tr>`,
    );
  }
  return table(['Time (UTC)', 'Kind', 'Who', 'Event'], rows);
}

function whyTree(report: Report): string {
  if (report.whyTree.length === 0) {
    return '<p class="empty">No why-tree yet.</p>';
  }
  let html = `<figure class="why-tree-figure">${whyTreeSvg(report.whyTree)}</figure><ul class="outline">`;
  let depth = 1;
  report.whyTree.forEach((node, index) => {
    if (index > 0) {
      html += node.depth > depth ? '<ul>' : `</li>${'</ul></li>'.repeat(depth - node.depth)}`;
    }
    depth = node.depth;
    const mark = node.mark === 'none' ? '' : ` <em>(${esc(whyMark(node))})</em>`;
    html += `<li><strong>${esc(node.question)}</strong> ${esc(node.answer)}${mark}`;
  });
  return `${html}</li>${'</ul></li>'.repeat(depth - 1)}</ul>`;
}

function factors(report: Report): string {
  const groups = factorGroups(report).map(
    (group) =>
      `<p><strong>${group.label}</strong></p><ul>${group.factors
        .map(
          (f) =>
            `<li>${esc(f.description)} — <em>${esc(f.categoryLabel)}</em> (${f.ref})${f.acceptedRiskReason ? `. Accepted risk: ${esc(f.acceptedRiskReason)}` : ''}</li>`,
        )
        .join('')}</ul>`,
  );
  return groups.length ? groups.join('') : '<p class="empty">None named yet.</p>';
}

/** The action-item table; its columns come from `actionItemColumns`. */
export function actionItemsHtml(report: Report): string {
  if (report.actionItems.length === 0) {
    return '<p class="empty">No action items.</p>';
  }
  return table(
    actionItemColumns.map((c) => c.label),
    report.actionItems.map((item) => cells(actionItemColumns.map((c) => c.value(item)))),
  );
}

function partBody(report: Report, part: ReportPart): string {
  switch (part.block) {
    case 'heading':
      return '';
    case 'text':
      return part.markdown
        ? renderSafeMarkdown(part.markdown)
        : `<p class="empty">Not written yet.${part.help ? ` ${esc(part.help)}` : ''}</p>`;
    case 'incident_facts':
      return incidentFacts(report);
    case 'key_instants':
      return keyInstants(report);
    case 'timeline':
      return timeline(report);
    case 'why_tree':
      return whyTree(report);
    case 'contributing_factors':
      return factors(report);
    case 'action_items':
      return actionItemsHtml(report);
    case 'participants':
      return report.participants.length
        ? `<ul>${report.participants.map((p) => `<li>${esc(p.name)} (${esc(p.role)})</li>`).join('')}</ul>`
        : '<p class="empty">No participants listed.</p>';
    default: {
      const never: never = part;
      return never;
    }
  }
}

/**
 * The report as one self-contained HTML page: inline stylesheet with print rules, the
 * why-tree as inline SVG, no scripts, no external resources (a Content-Security-Policy says
 * so to the browser too). People's Markdown is rendered safely; everything else is escaped.
 */
export function renderHtml(report: Report): string {
  const body = report.parts
    .map((part) => {
      const level = Math.min(Math.max(part.level, 2), 4);
      return `<section class="part part-${esc(part.key)}"><h${level}>${esc(part.label)}</h${level}>${partBody(report, part)}</section>`;
    })
    .join('\n');
  const restricted = report.restricted ? '<span class="badge restricted">Restricted</span>' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(report.title)}</title>
<style>${reportStyle}</style>
</head>
<body>
<header><h1>${esc(report.title)}</h1><p class="meta">Postmortem${report.scope === 'thematic' ? ' (thematic)' : ''}${restricted}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}
