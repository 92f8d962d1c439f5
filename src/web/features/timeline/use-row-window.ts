import {
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { planRows, type RowPlanItem, rowOffsets, rowRange } from './row-window.ts';

/** Guess for rows not drawn yet, until some are measured. */
const defaultRowHeight = 44;
/** Pixels drawn beyond each edge of the view, so fast scrolling and Tab meet drawn rows. */
const overscanPixels = 800;

/** A windowed list: its scroller and body elements, what to draw, and how to bring a row in. */
export interface RowWindow {
  scrollerRef: RefObject<HTMLDivElement | null>;
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  plan: RowPlanItem[];
  /** Scrolls the row at `index` to the middle of the scroller. */
  scrollToIndex: (index: number) => void;
}

/**
 * Draws only the rows of `keys` near the scroller's view (and the `pinned` ones), measuring
 * each drawn row's height by its key so that the gaps standing for the others keep the
 * scrollbar true. Rows carry `data-key`; a row marked `data-editing` keeps its last height.
 */
export function useRowWindow(keys: readonly string[], pinned: readonly number[]): RowWindow {
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement | null>(null);
  const heights = useRef(new Map<string, number>());
  // The guess for rows not drawn is the mean of each row's first measurement: a drawn row
  // measured again (an edit) must not move the guess, or every gap would change with it.
  const firsts = useRef({ sum: 0, count: 0 });
  const [measured, setMeasured] = useState(0);
  const [viewport, setViewport] = useState({ top: 0, height: 900 });

  const offsets = useMemo(() => {
    void measured;
    const known = heights.current;
    const { sum, count } = firsts.current;
    const estimate = count > 0 ? sum / count : defaultRowHeight;
    return rowOffsets(keys.length, (index) => known.get(keys[index] ?? '') ?? estimate);
  }, [keys, measured]);
  const latestOffsets = useRef(offsets);
  latestOffsets.current = offsets;
  // Which rows to draw moves with the view and the row count only: a drawn row that grows or
  // shrinks (an edit) changes its own height and nothing else in the page.
  const range = useMemo(() => {
    void keys.length;
    return rowRange(latestOffsets.current, viewport, overscanPixels);
  }, [viewport, keys.length]);
  const plan = planRows(offsets, range, pinned);

  // After each render, measure the drawn rows; a height that changed re-plans once.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) {
      return;
    }
    let changed = false;
    for (const row of body.querySelectorAll<HTMLElement>(':scope > tr[data-key]')) {
      if (row.dataset.editing) {
        // An open form is a passing height: counting it would shift every row below and
        // redraw them, only to shift them back when the form closes.
        continue;
      }
      const key = row.dataset.key ?? '';
      const height = row.getBoundingClientRect().height;
      if (!heights.current.has(key)) {
        firsts.current.sum += height;
        firsts.current.count += 1;
      }
      if (Math.abs((heights.current.get(key) ?? -1) - height) > 0.5) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) {
      setMeasured((count) => count + 1);
    }
  });

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) {
      return;
    }
    let frame = 0;
    const read = () => {
      frame = 0;
      const body = bodyRef.current;
      const bodyTop = body
        ? body.getBoundingClientRect().top -
          scroller.getBoundingClientRect().top +
          scroller.scrollTop
        : 0;
      const next = { top: scroller.scrollTop - bodyTop, height: scroller.clientHeight };
      setViewport((current) =>
        current.top === next.top && current.height === next.height ? current : next,
      );
    };
    const schedule = () => {
      if (!frame) {
        frame = requestAnimationFrame(read);
      }
    };
    read();
    scroller.addEventListener('scroll', schedule, { passive: true });
    const resizes = new ResizeObserver(schedule);
    resizes.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', schedule);
      resizes.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);

  const scrollToIndex = useCallback((index: number) => {
    const scroller = scrollerRef.current;
    const body = bodyRef.current;
    const top = latestOffsets.current[index];
    if (!scroller || !body || top === undefined) {
      return;
    }
    const height = (latestOffsets.current[index + 1] ?? top) - top;
    const bodyTop =
      body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    scroller.scrollTop = bodyTop + top - (scroller.clientHeight - height) / 2;
  }, []);

  return { scrollerRef, bodyRef, plan, scrollToIndex };
}
