import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readLocalAccounts, readOidcSettings } from '../../server/oidc/oidc-settings.ts';
import { openChangeFeed } from '../../storage/change-feed.ts';
import { holdInstanceLease } from '../../storage/instance-lease.ts';
import type { JobQueueOptions } from '../../storage/job-queue.ts';
import { openRuntime, type Runtime, type RuntimeOptions } from '../runtime.ts';

/** Options of `debrief serve`. */
export interface ServeOptions extends RuntimeOptions {
  port: number;
  host: string;
}

const webRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** `DEBRIEF_TRUSTED_PROXY`: addresses and CIDR ranges separated by commas. */
export function parseTrustedProxy(value: string | undefined): string[] | undefined {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length > 0 ? entries : undefined;
}

/** What a test may replace in a served instance: the clock, the queue's timings. */
export interface ServeOverrides {
  clock?: () => Date;
  queue?: Pick<
    JobQueueOptions,
    | 'pollingIntervalSeconds'
    | 'expireInSeconds'
    | 'maintenanceIntervalSeconds'
    | 'retryDelaySeconds'
  >;
}

/** The modules of the web server and its jobs: about half a second of CPU to load. */
function loadServerModules() {
  return Promise.all([
    import('../../app/imports/recover-import-jobs.ts'),
    import('../../server/build-app.ts'),
    import('../../server/jobs/start-follow-up-jobs.ts'),
    import('../../server/notifications/notification-config.ts'),
    import('../../server/routes/imports/remove-orphaned-uploads.ts'),
  ]);
}

/**
 * Opens and migrates the database while this thread loads the server's modules: PGlite
 * compiles its WebAssembly and starts PostgreSQL on a thread of its own, so neither waits for
 * the other. A failure on either side closes what the other opened.
 */
async function openWhileLoading(options: RuntimeOptions) {
  const [opened, modules] = await Promise.allSettled([openRuntime(options), loadServerModules()]);
  if (opened.status === 'rejected') {
    throw opened.reason;
  }
  if (modules.status === 'rejected') {
    await opened.value.handle.close();
    throw modules.reason;
  }
  return { opened: opened.value, modules: modules.value };
}

/**
 * Starts the HTTP server (API + web app) and the follow-up jobs, and stops cleanly on
 * SIGINT/SIGTERM. `overrides` move the clock or shorten the queue's timings (tests).
 */
export async function serve(
  options: ServeOptions,
  { clock, queue }: ServeOverrides = {},
): Promise<void> {
  const startedAt = new Date();
  // Read before anything opens, so that a half-configured identity provider stops the start.
  const oidc = readOidcSettings();
  const { opened, modules } = await openWhileLoading(options);
  const [
    { recoverImportJobs },
    { buildApp },
    { startFollowUpQueue },
    { buildNotificationChannels, describeChannels, readNotificationSettings },
    { removeOrphanedUploads },
  ] = modules;
  // Held before recovery looks at anyone else's, so that two instances starting together each
  // see the other alive.
  const lease = await holdInstanceLease(opened.handle, randomUUID());
  const runtime: Runtime = { ...opened, deps: { ...opened.deps, instanceId: lease.id } };
  // What a server that died mid-import left behind: its jobs and its uploads.
  const recovered = await recoverImportJobs(runtime.deps, startedAt);
  const removed = await removeOrphanedUploads();
  const channels = buildNotificationChannels(readNotificationSettings(), clock);
  // The queue now (use cases notify through it), its workers once the server answers.
  const jobs = await startFollowUpQueue(
    runtime.handle,
    clock ? { ...runtime.deps, clock } : runtime.deps,
    channels,
    queue,
  );
  // Use cases that notify (reminders, mentions) deliver through the queue the jobs run on.
  const deps = { ...runtime.deps, ...(clock ? { clock } : {}), outbox: jobs.outbox };
  const app = await buildApp({
    deps,
    ping: runtime.handle.ping,
    readsBesideChecks: runtime.handle.kind === 'postgres',
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    webRoot,
    secureCookies: process.env.DEBRIEF_SECURE_COOKIES === 'true',
    trustedProxy: parseTrustedProxy(process.env.DEBRIEF_TRUSTED_PROXY),
    ...(oidc ? { oidc } : {}),
    localAccounts: readLocalAccounts(),
    changeFeed: openChangeFeed(runtime.handle),
  });
  app.log.info(describeChannels(channels));
  if (recovered.length > 0 || removed.length > 0) {
    app.log.warn(
      { importJobs: recovered, uploads: removed.length },
      'imports interrupted by an earlier stop were marked failed and their uploads removed',
    );
  }
  const close = async () => {
    await app.close();
    await jobs.stop();
    await lease.close();
    await runtime.handle.close();
  };
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: options.port, host: options.host });
  try {
    await jobs.work();
  } catch (error) {
    // A server without its workers would store notifications nobody delivers: stop instead.
    await close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const where =
    runtime.target.kind === 'postgres'
      ? 'PostgreSQL (DATABASE_URL)'
      : `PGlite in ${'dataDir' in runtime.target ? runtime.target.dataDir : 'memory'}`;
  process.stdout.write(
    `Debrief is running at http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/ (data: ${where})\n`,
  );
}
