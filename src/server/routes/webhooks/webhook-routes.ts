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
  webhookKindParamsSchema,
  webhookResultSchema,
  webhookTokenParamsSchema,
} from '../../../contracts/webhooks.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { IntegrationRecord } from '../../../storage/repositories/integrations-repository.ts';
import { type RouteContext, withZod } from '../route-context.ts';

const rejected = () =>
  new DomainError('UNAUTHENTICATED', 'The webhook token or signature is not valid.');
const routeConfig = { public: true, webhook: true } as const;
const response = { 200: webhookResultSchema, 202: webhookResultSchema };

function rawBody(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The integration token sent as `Authorization: Bearer <token>` (Alertmanager's `http_config.authorization`). */
function bearerToken(request: FastifyRequest): string | undefined {
  const value = header(request, 'authorization');
  const match = value === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match?.[1];
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
 * Live webhooks. They are public routes: each delivery authenticates by its integration's
 * token — in the URL path or as `Authorization: Bearer` — or, for PagerDuty v3 and GitHub, by
 * the HMAC signature over the raw body bytes (kept as a Buffer by this scope's parser, never
 * re-serialised). A GET answers 405.
 */
export function registerWebhookRoutes({ app, deps }: RouteContext): void {
  /** The live integration a token names; the signature too when the integration has a secret. */
  async function byToken(
    kind: IntegrationKind,
    token: string,
    request: FastifyRequest,
  ): Promise<IntegrationRecord> {
    const integration = await findIntegrationByToken(deps, kind, token);
    if (
      !integration ||
      (integration.signingSecret && !signatureValid(kind, request, integration.signingSecret))
    ) {
      throw rejected();
    }
    return integration;
  }

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
        const integration = await byToken(kind, token, request);
        return deliver(kind, integration, request, reply);
      },
    );

    typed.post(
      '/api/v1/webhooks/:kind',
      {
        config: routeConfig,
        schema: { tags: ['webhooks'], params: webhookKindParamsSchema, response },
      },
      async (request, reply) => {
        const { kind } = request.params;
        const token = bearerToken(request);
        if (token !== undefined) {
          return deliver(kind, await byToken(kind, token, request), request, reply);
        }
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

    // A GET (a person opening the URL, a probe) is told the method, not that nothing is there.
    for (const url of ['/api/v1/webhooks/:kind/:token', '/api/v1/webhooks/:kind']) {
      scope.get(url, { config: routeConfig, schema: { hide: true } }, async (_request, reply) => {
        reply.header('allow', 'POST');
        throw new DomainError('METHOD_NOT_ALLOWED', 'Webhooks are delivered with POST.');
      });
    }
  });
}
