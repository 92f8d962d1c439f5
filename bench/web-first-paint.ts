/**
 * Web first-paint benchmark: how much main-thread time the web app spends before its first
 * screen, on a first visit, in headless Chromium.
 *
 *   npm run bench:web-first-paint [-- --rounds 7]
 *
 * Starts the real server (`debrief serve`, PGlite in a fresh directory) with the built web app
 * (built again when its sources changed), seeds a workspace and a postmortem with a 30-event
 * timeline through the API, and opens three first screens in interleaved rounds, each in a
 * fresh browser context (nothing cached, no compiled code kept): the sign-in form (signed
 * out), the incident list and a postmortem on its timeline tab (signed in). For each it reads
 * Chromium's own counters (CDP `Performance.getMetrics`, in the main thread's CPU time, so a
 * loaded machine's waiting is not counted) once the screen shows: script time (compiling and
 * running JavaScript) and task time (everything the main thread did), and the wall time from
 * navigation to the screen. The baseline, measured the same way in the same rounds,
 * is the floor of any React app: react-dom rendering one heading, bundled and minified.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildWeb } from '../e2e/support/build-web.ts';
import { isBuildFresh } from '../scripts/build-state.mjs';
import { numberArgument } from './support/bench-args.ts';
import { median } from './support/statistics.ts';
import { signInBenchAdmin, startWebBench, type WebBench } from './support/web-bench.ts';

const rounds = numberArgument('--rounds', 7);

interface Opening {
  screenMs: number;
  scriptMs: number;
  taskMs: number;
}

interface Screen {
  label: string;
  path: string;
  signedIn: boolean;
  /** The element that shows the screen a visitor came for is drawn (`text`: with that text). */
  shown: { selector: string; text?: string };
}

/** react-dom rendering one heading, as one minified module: the floor of any React app. */
async function reactFloorScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "import { createRoot } from 'react-dom/client'; import { jsx } from 'react/jsx-runtime';" +
        "createRoot(document.getElementById('root')).render(jsx('h1', { children: 'Incidents' }));",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Opens `screen` in a fresh context and reads the main thread's counters once it shows. */
async function open(bench: WebBench, screen: Screen, floorScript: string): Promise<Opening> {
  const context = await bench.newContext();
  try {
    // The floor is served from the app's own origin, as a page and one module script.
    await context.route('**/bench-react-floor', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>floor</title><div id="root"></div><script type="module" src="/bench-react-floor.js"></script>',
      }),
    );
    await context.route('**/bench-react-floor.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: floorScript }),
    );
    if (screen.signedIn) {
      await signInBenchAdmin(context.request);
    }
    // The page says when the screen is drawn (a mutation observer calling a binding): waiting
    // from here would poll the page with the driver's own scripts and count their time.
    let shown: () => void = () => undefined;
    const drawn = new Promise<void>((resolve) => {
      shown = resolve;
    });
    await context.exposeBinding('benchShown', () => shown());
    // As source text: the bench's compiler would wrap named functions in a helper the page lacks.
    await context.addInitScript(`(() => {
      const { selector, text } = ${JSON.stringify(screen.shown)};
      const observer = new MutationObserver(() => {
        const matches = [...document.querySelectorAll(selector)];
        if (matches.some((element) => text === undefined || element.textContent.trim() === text)) {
          observer.disconnect();
          window.benchShown();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    })()`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // Durations in the main thread's CPU time: on a loaded machine, wall time counts waiting.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const started = Date.now();
    await page.goto(screen.path, { waitUntil: 'commit' });
    await drawn;
    const screenMs = Date.now() - started;
    const { metrics } = await cdp.send('Performance.getMetrics');
    const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return {
      screenMs,
      scriptMs: seconds('ScriptDuration') * 1000,
      taskMs: seconds('TaskDuration') * 1000,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  console.log(
    `load average before: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  if (!isBuildFresh('dist/web')) {
    await buildWeb();
  }
  const floorScript = await reactFloorScript();
  const bench = await startWebBench({ timelines: [30] });
  try {
    const [postmortemId] = bench.postmortemIds;
    const screens: Screen[] = [
      {
        label: 'react floor',
        path: '/bench-react-floor',
        signedIn: false,
        shown: { selector: 'h1', text: 'Incidents' },
      },
      {
        label: 'sign-in',
        path: '/',
        signedIn: false,
        shown: { selector: 'h1', text: 'Sign in' },
      },
      {
        label: 'incident list',
        path: '/',
        signedIn: true,
        shown: { selector: 'h1', text: 'Incidents' },
      },
      {
        label: 'postmortem timeline',
        path: `/postmortems/${postmortemId}?tab=timeline`,
        signedIn: true,
        shown: { selector: '.review-table tbody tr[data-key]' },
      },
    ];
    const results = new Map<string, Opening[]>(screens.map((screen) => [screen.label, []]));
    // One round not counted: the first visit also warms the server and the disk cache.
    for (let round = 0; round <= rounds; round += 1) {
      for (const screen of screens) {
        const opening = await open(bench, screen, floorScript);
        if (round > 0) {
          results.get(screen.label)?.push(opening);
        }
      }
    }
    const floor = median((results.get('react floor') ?? []).map((o) => o.scriptMs));
    console.log(
      `\nmedians of ${rounds} interleaved rounds (after one warm-up), fresh context each`,
    );
    for (const [label, openings] of results) {
      const script = median(openings.map((o) => o.scriptMs));
      console.log(
        `${label.padEnd(20)} script ${script.toFixed(0).padStart(4)} ms (${(script / floor).toFixed(2)}× the floor) · main thread ${median(
          openings.map((o) => o.taskMs),
        )
          .toFixed(0)
          .padStart(4)} ms · shown after ${median(openings.map((o) => o.screenMs))
          .toFixed(0)
          .padStart(5)} ms`,
      );
    }
    console.log(
      `load average after: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await bench.stop();
  }
}

await main();
