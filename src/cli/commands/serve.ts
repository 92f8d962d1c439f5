import { fileURLToPath } from 'node:url';
import { buildApp } from '../../server/build-app.ts';
import { startFollowUpJobs } from '../../server/jobs/start-follow-up-jobs.ts';
import {
  buildNotificationChannels,
  describeChannels,
  readNotificationSettings,
} from '../../server/notifications/notification-config.ts';
import { openRuntime, type RuntimeOptions } from '../runtime.ts';

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

/** Starts the HTTP server (API + web app) and stops cleanly on SIGINT/SIGTERM. */
export async function serve(options: ServeOptions): Promise<void> {
  const runtime = await openRuntime(options);
  const app = await buildApp({
    deps: runtime.deps,
    ping: runtime.handle.ping,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    webRoot,
    secureCookies: process.env.DEBRIEF_SECURE_COOKIES === 'true',
    trustedProxy: parseTrustedProxy(process.env.DEBRIEF_TRUSTED_PROXY),
  });
  const channels = buildNotificationChannels(readNotificationSettings());
  const jobs = await startFollowUpJobs(runtime.handle, runtime.deps, channels);
  app.log.info(describeChannels(channels));
  const stop = async () => {
    await app.close();
    await jobs.stop();
    await runtime.handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: options.port, host: options.host });
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
