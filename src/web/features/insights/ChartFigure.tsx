import { useEffect, useId, useRef, useState } from 'react';
import { toCsv } from './to-csv.ts';

/** The charting library, loaded only when a chart is first drawn (it is not in the initial bundle). */
export type PlotModule = typeof import('@observablehq/plot');

interface ChartFigureProps {
  title: string;
  /** What the chart shows, in words: read by screen readers and shown under the title. */
  description: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
  /** Draws the chart with the library; give it `ariaLabel` and `ariaDescription`. */
  draw: (plot: PlotModule) => Element;
  fileName: string;
}

/**
 * One labelled image for assistive technology: the chart's label and description stay on the
 * root, the library's names of its inner layers ("bar", "rule") go — they are not permitted on
 * plain groups and say nothing a listener needs; the table view carries the numbers.
 */
function asImage(chart: Element): Element {
  // With a legend the library wraps the labelled SVG in a figure.
  const image = chart.hasAttribute('aria-label') ? chart : chart.querySelector('svg[aria-label]');
  if (image) {
    image.setAttribute('role', 'img');
    for (const layer of image.querySelectorAll('[aria-label]')) {
      layer.removeAttribute('aria-label');
    }
  }
  return chart;
}

/**
 * A chart with the same numbers as a table, and a CSV of them: every chart can be read without
 * seeing it, and taken elsewhere.
 */
export function ChartFigure({
  title,
  description,
  header,
  rows,
  draw,
  fileName,
}: ChartFigureProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [failed, setFailed] = useState(false);
  const canvas = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (view !== 'chart') {
      return;
    }
    let current = true;
    import('@observablehq/plot')
      .then((plot) => {
        if (current && canvas.current) {
          canvas.current.replaceChildren(asImage(draw(plot)));
        }
      })
      .catch(() => setFailed(true));
    return () => {
      current = false;
    };
  }, [view, draw]);

  const csv = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(header, rows))}`;
  return (
    <section className="chart-figure" aria-labelledby={headingId}>
      <div className="chart-figure-head">
        <h3 id={headingId}>{title}</h3>
        <div className="filters-actions">
          <button
            type="button"
            className="secondary"
            aria-pressed={view === 'table'}
            onClick={() => setView(view === 'chart' ? 'table' : 'chart')}
          >
            {view === 'chart' ? 'Show table' : 'Show chart'}
          </button>
          <a className="button secondary" href={csv} download={fileName}>
            Download CSV
          </a>
        </div>
      </div>
      <p className="muted">{description}</p>
      {view === 'chart' ? (
        failed ? (
          <p className="empty">The chart could not be drawn; the table has the same numbers.</p>
        ) : (
          <div ref={canvas} className="chart-canvas" />
        )
      ) : (
        <table className="data-table" aria-label={title}>
          <thead>
            <tr>
              {header.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed by the header
                  <td key={index}>{cell ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
