import { z } from 'zod';
import type { RouteContext } from './route-context.ts';

/** Liveness (`/health`: the process answers) and readiness (`/ready`: the database answers). */
export function registerHealthRoutes({ app, ping }: RouteContext): void {
  app.get(
    '/api/v1/health',
    {
      config: { public: true },
      schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/v1/ready',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ status: z.literal('unavailable'), reason: z.string() }),
        },
      },
    },
    async (request, reply) => {
      try {
        await ping();
        return { status: 'ready' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable' as const, reason: 'database' });
      }
    },
  );
}
