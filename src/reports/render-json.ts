import type { Report } from './build-report.ts';

/** The report as JSON: the same model the other renderers draw, with a format marker. */
export function renderJson(report: Report): string {
  return `${JSON.stringify({ format: 'debrief.report', version: 1, report }, null, 2)}\n`;
}
