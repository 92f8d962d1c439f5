import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/app-deps.ts';
import type { ReadCache } from '../../app/read-cache.ts';

const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Everything a route module needs. */
export interface RouteContext {
  app: ReturnType<typeof typed>;
  deps: AppDeps;
  /** Whether cookies are marked Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Pings the database for readiness. */
  ping: () => Promise<void>;
  /** Rendered reads keyed by database freshness (see ReadCache). */
  readCache: ReadCache<Buffer>;
}

/** Gives a Fastify instance its zod typing. */
export const withZod = typed;
