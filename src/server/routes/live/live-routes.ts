import { z } from 'zod';
import { loadPostmortemFor } from '../../../app/postmortems/load-postmortem.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../authenticate.ts';
import type { LiveHub } from '../../live/live-hub.ts';
import { contentSecurityPolicy } from '../../security-headers.ts';
import type { RouteContext } from '../route-context.ts';

const keepAliveMs = 15_000;

/**
 * `GET /postmortems/{id}/events`: a server-sent event stream of the postmortem's changes
 * (`change`: its id, revision and version — never its text) and of who else is viewing it
 * (`presence`). Authorised exactly like reading the postmortem: someone who may not read it gets
 * the same 404, and the stream ends when they no longer may.
 */
export function registerLiveRoutes({ app, deps }: RouteContext, hub: LiveHub): void {
  app.get(
    '/api/v1/postmortems/:id/events',
    {
      schema: {
        tags: ['live'],
        params: idParamsSchema,
        response: { 200: z.string().describe('text/event-stream') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const postmortem = await loadPostmortemFor(deps, actor, request.params.id, 'postmortem.read');
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        'content-security-policy': contentSecurityPolicy,
        'referrer-policy': 'no-referrer',
        'x-request-id': String(request.id),
      });
      let open = true;
      const send = (event: string, data: unknown) => {
        if (open) {
          raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        }
      };
      send('hello', {
        postmortemId: postmortem.id,
        revision: postmortem.revision,
        version: postmortem.version,
      });
      const keepAlive = setInterval(() => open && raw.write(': keep-alive\n\n'), keepAliveMs);
      keepAlive.unref();
      let detach = () => {};
      const close = () => {
        if (!open) {
          return;
        }
        open = false;
        clearInterval(keepAlive);
        detach();
        raw.end();
      };
      detach = hub.attach({
        postmortemId: postmortem.id,
        actor,
        name: actor.name,
        send,
        close,
      });
      request.raw.on('close', close);
    },
  );
}
