import type { FastifyServerOptions } from 'fastify';

/** What a request looks like in a log line. */
interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

const webhookPathToken = /^(\/api\/v1\/webhooks\/[^/?#]+\/)[^/?#]+/i;
// Webhook, API and password-reset tokens, wherever a client put one.
const webhookToken = /(?:dbw|dbf|drs)_[A-Za-z0-9_-]+/g;
// An identity provider's authorization code (and state) on the OIDC callback.
const oidcCallbackParameter = /([?&](?:code|state|session_state)=)[^&#]*/gi;

/**
 * A URL as logs may show it: the integration token of a webhook path (the segment after the
 * kind, and anything shaped like a webhook token elsewhere in the URL) and the authorization
 * code of an OIDC callback become `[redacted]`.
 */
export function redactUrl(url: string): string {
  const redacted = url
    .replace(webhookPathToken, '$1[redacted]')
    .replace(webhookToken, '[redacted]');
  return redacted.startsWith('/api/v1/auth/oidc/')
    ? redacted.replace(oidcCallbackParameter, '$1[redacted]')
    : redacted;
}

/**
 * The server's logger options with a request serializer that never writes a webhook token:
 * every delivery used to log its whole URL, token included, on every line about it.
 */
export function withRedactedUrls(
  logger: FastifyServerOptions['logger'],
): FastifyServerOptions['logger'] {
  if (!logger) {
    return logger;
  }
  const base = logger === true ? {} : logger;
  return {
    ...base,
    serializers: {
      ...base.serializers,
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
