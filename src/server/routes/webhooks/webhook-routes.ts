import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { convertDelivery } from '../../../app/intake/convert-delivery.ts';
import { receiveSignal } from '../../../app/intake/receive-signal.ts';
import {
  findIntegrationByToken,
  listSignedIntegrations,
} from '../../../app/integrations/manage-integrations.ts';
import { signatureSchemes, verifySignature } from '../../../app/integrations/verify-signature.ts';
import type { IntegrationKind } from '../../../contracts/integrations.ts';
import {
  webhookResultSchema,
  webhookSignedParamsSchema,
  webhookTokenParamsSchema,
} from '../../../contracts/webhooks.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { IntegrationRecord } from '../../../storage/repositories/integrations-repository.ts';
import { type RouteContext, withZod } from '../route-context.ts';

const rejected = () =>
  new DomainError('UNAUTHENTICATED', 'The webhook token or signature is not valid.');
const routeConfig = { public: true } as const;
const response = { 200: webhookResultSchema, 202: webhookResultSchema };

function rawBody(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function signatureValid(kind: IntegrationKind, request: FastifyRequest, secret: string): boolean {
  if (kind !== 'pagerduty' && kind !== 'github') {
    return false;
  }
  return verifySignature(
    kind,
    header(request, signatureSchemes[kind].header),
    rawBody(request),
    secret,
  );
}

/**
 * Live webhooks. They are public routes: each delivery authenticates by its integration's URL
 * token or, for PagerDuty v3 and GitHub, by the HMAC signature over the raw body bytes (kept
 * as a Buffer by this scope's parser, never re-serialised).
 */
export function registerWebhookRoutes({ app, deps }: RouteContext): void {
  async function deliver(
    kind: IntegrationKind,
    integration: IntegrationRecord,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(rawBody(request));
    } catch {
      throw new DomainError('MALFORMED_REQUEST', 'The body is not valid UTF-8.');
    }
    const ref = `webhook:${kind}:${request.id}`;
    const { result, payload } = convertDelivery(kind, text, ref, header(request, 'x-github-event'));
    const outcome = await receiveSignal(deps, integration, result, payload);
    return reply.code(outcome.ignored ? 202 : 200).send(outcome);
  }

  app.register(async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    const typed = withZod(scope);

    typed.post(
      '/api/v1/webhooks/:kind/:token',
      {
        config: routeConfig,
        schema: { tags: ['webhooks'], params: webhookTokenParamsSchema, response },
      },
      async (request, reply) => {
        const { kind, token } = request.params;
        const integration = await findIntegrationByToken(deps, kind, token);
        if (!integration) {
          throw rejected();
        }
        if (
          integration.signingSecret &&
          !signatureValid(kind, request, integration.signingSecret)
        ) {
          throw rejected();
        }
        return deliver(kind, integration, request, reply);
      },
    );

    typed.post(
      '/api/v1/webhooks/:kind',
      {
        config: routeConfig,
        schema: { tags: ['webhooks'], params: webhookSignedParamsSchema, response },
      },
      async (request, reply) => {
        const { kind } = request.params;
        const candidates = await listSignedIntegrations(deps, kind);
        const integration = candidates.find(
          (candidate) =>
            candidate.signingSecret !== null &&
            signatureValid(kind, request, candidate.signingSecret),
        );
        if (!integration) {
          throw rejected();
        }
        return deliver(kind, integration, request, reply);
      },
    );
  });
}
