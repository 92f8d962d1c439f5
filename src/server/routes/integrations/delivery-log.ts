import type { FastifyRequest } from 'fastify';
import {
  findIntegrationByToken,
  listSignedIntegrations,
} from '../../../app/integrations/manage-integrations.ts';
import { signatureSchemes, verifySignature } from '../../../app/integrations/verify-signature.ts';
import {
  listWebhookDeliveries,
  recordWebhookDelivery,
} from '../../../app/integrations/webhook-deliveries.ts';
import {
  type WebhookDeliveryDto,
  webhookDeliveryListSchema,
} from '../../../contracts/webhook-deliveries.ts';
import { requireActor } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';

const webhookPrefix = '/api/v1/webhooks/';
const answers = new WeakMap<FastifyRequest, string>();

/** The answer a sender got, in words (never the body it sent). */
export function summarizeAnswer(payload: string): string {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return '';
  }
  if (body.ignored === true) {
    return `Ignored: ${String(body.reason ?? '')}`;
  }
  if (body.ignored === false) {
    const signals = Number(body.signalsStored ?? 0);
    const proposed = Number(body.timelineEventsProposed ?? 0);
    return `${body.incidentOpened ? 'Opened an incident' : 'Added to an open incident'}: ${signals} signal${signals === 1 ? '' : 's'} stored, ${proposed} timeline event${proposed === 1 ? '' : 's'} proposed`;
  }
  const title = typeof body.title === 'string' ? body.title : 'Refused';
  return typeof body.detail === 'string' ? `${title}: ${body.detail}` : title;
}

async function integrationOf(context: RouteContext, request: FastifyRequest, accepted: boolean) {
  const { kind, token } = request.params as { kind?: string; token?: string };
  if (!kind) {
    return undefined;
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(String(request.headers.authorization ?? ''))?.[1];
  if (token ?? bearer) {
    return (await findIntegrationByToken(context.deps, kind, token ?? bearer ?? ''))?.id;
  }
  if (!accepted || (kind !== 'pagerduty' && kind !== 'github')) {
    return undefined;
  }
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const header = request.headers[signatureSchemes[kind].header];
  const signature = Array.isArray(header) ? header.join(',') : header;
  const candidates = await listSignedIntegrations(context.deps, kind);
  return candidates.find(
    (candidate) =>
      candidate.signingSecret !== null &&
      verifySignature(kind, signature, body, candidate.signingSecret),
  )?.id;
}

/**
 * `GET /webhook-deliveries` (admins) and the log behind it: every delivery that reached a known integration (by its token or signature) with
 * the status and a summary of the answer, for the integrations page. Deliveries that match
 * no integration are not logged: nobody could read them, and they would let anyone fill the
 * table.
 */
export function registerDeliveryLog(context: RouteContext): void {
  const { app, deps } = context;
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.url.startsWith(webhookPrefix) && typeof payload === 'string') {
      answers.set(request, payload);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith(webhookPrefix) || request.method !== 'POST') {
      return;
    }
    try {
      const accepted = reply.statusCode < 300;
      const integrationId = await integrationOf(context, request, accepted);
      if (!integrationId) {
        return;
      }
      await recordWebhookDelivery(deps, {
        integrationId,
        kind: (request.params as { kind: string }).kind,
        statusCode: reply.statusCode,
        summary: summarizeAnswer(answers.get(request) ?? ''),
      });
    } catch (error) {
      request.log.warn({ err: error }, 'could not log a webhook delivery');
    }
  });

  app.get(
    '/api/v1/webhook-deliveries',
    { schema: { tags: ['integrations'], response: { 200: webhookDeliveryListSchema } } },
    async (request) => ({
      data: (await listWebhookDeliveries(deps, requireActor(request))).map(
        (delivery): WebhookDeliveryDto => ({
          id: delivery.id,
          integrationId: delivery.integrationId,
          kind: delivery.kind,
          statusCode: delivery.statusCode,
          outcome: delivery.outcome as WebhookDeliveryDto['outcome'],
          summary: delivery.summary,
          receivedAt: delivery.receivedAt.toISOString(),
        }),
      ),
    }),
  );
}
