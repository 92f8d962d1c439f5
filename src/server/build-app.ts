import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app/app-deps.ts';
import { mayReadPostmortem } from '../app/postmortems/may-read-postmortem.ts';
import { limits } from '../contracts/limits.ts';
import { DomainError } from '../domain/errors.ts';
import type { ChangeFeed } from '../storage/change-feed.ts';
import { authenticationRefusal } from './acting-as.ts';
import { registerAuthentication } from './authenticate.ts';
import { LiveHub } from './live/live-hub.ts';
import { localChangeFeed } from './live/local-change-feed.ts';
import { createOidcClient } from './oidc/oidc-client.ts';
import type { OidcSettings } from './oidc/oidc-settings.ts';
import { sendProblem } from './problem.ts';
import { withRedactedUrls } from './redact-log-urls.ts';
import { registerUnstorableTextCheck } from './reject-unstorable-text.ts';
import { createResponseCache } from './response-cache.ts';
import { registerPasswordResetRoutes } from './routes/accounts/password-reset-routes.ts';
import { registerUserAdminRoutes } from './routes/accounts/user-admin-routes.ts';
import { registerActionItemBoardRoutes } from './routes/action-items/action-item-board-routes.ts';
import { registerActionItemRoutes } from './routes/action-items/action-item-routes.ts';
import { registerNotificationRoutes } from './routes/action-items/notification-routes.ts';
import { registerTrackerRoutes } from './routes/action-items/tracker-routes.ts';
import { registerAntiPatternRoutes } from './routes/anti-patterns/anti-pattern-routes.ts';
import { registerAccountRoutes } from './routes/auth/account-routes.ts';
import { registerOidcRoutes } from './routes/auth/oidc-routes.ts';
import { registerSessionRoutes } from './routes/auth/session-routes.ts';
import { registerCommentRoutes } from './routes/comments/comment-routes.ts';
import { registerDemoRoutes } from './routes/demo-routes.ts';
import { registerDraftRoutes } from './routes/documents/draft-routes.ts';
import { registerExportRoutes } from './routes/documents/export-routes.ts';
import { registerFacilitationRoutes } from './routes/facilitation/register-facilitation-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerImportRoutes } from './routes/imports/import-routes.ts';
import { registerIncidentRoutes } from './routes/incidents/incident-routes.ts';
import { registerDeliveryLog } from './routes/integrations/delivery-log.ts';
import { registerIntegrationRoutes } from './routes/integrations/integration-routes.ts';
import { registerLiveRoutes } from './routes/live/live-routes.ts';
import { registerMetricRoutes } from './routes/metrics/metric-routes.ts';
import { registerAllPartRoutes } from './routes/parts/register-all-part-routes.ts';
import { registerPersonalAccountRoutes } from './routes/personal-accounts/personal-account-routes.ts';
import { registerPolicyRoutes } from './routes/policy-routes.ts';
import { registerPolicySourceRoutes } from './routes/policy-source-routes.ts';
import { registerPostmortemRecordRoutes } from './routes/postmortems/postmortem-record-routes.ts';
import { registerPostmortemRoutes } from './routes/postmortems/postmortem-routes.ts';
import { registerFeedRoutes } from './routes/publishing/feed-routes.ts';
import { registerLegalHoldRoutes } from './routes/publishing/legal-hold-routes.ts';
import { registerPublicationRoutes } from './routes/publishing/publication-routes.ts';
import { registerRestrictedSectionRoutes } from './routes/publishing/restricted-section-routes.ts';
import { registerReviewRoutes } from './routes/reviews/review-routes.ts';
import type { RouteContext } from './routes/route-context.ts';
import { withZod } from './routes/route-context.ts';
import { registerSearchRoutes } from './routes/search/search-routes.ts';
import { registerServiceRoutes } from './routes/services/service-routes.ts';
import { registerThemeRoutes } from './routes/themes/theme-routes.ts';
import { registerTimelineRoutes } from './routes/timeline/timeline-routes.ts';
import { registerWebhookRoutes } from './routes/webhooks/webhook-routes.ts';
import { registerWhyTreeRoutes } from './routes/why-tree/why-tree-routes.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { readTrackerSettings, type TrackerSettings } from './trackers/tracker-settings.ts';

/** What the server is built from. */
export interface BuildAppOptions {
  deps: AppDeps;
  /** Database readiness probe. */
  ping: () => Promise<void>;
  /** Fastify logger options; `false` for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; served with SPA fallback when it exists. */
  webRoot?: string;
  /** Mark cookies Secure (set when served over HTTPS). */
  secureCookies?: boolean;
  /**
   * Proxies whose `X-Forwarded-For` names the client (addresses or CIDR ranges). Unset: the
   * peer address is the client.
   */
  trustedProxy?: readonly string[];
  /** A session unused for this long ends (default 8 hours). */
  sessionIdleTimeoutMs?: number;
  /**
   * The database runs statements side by side (PostgreSQL's pool): a search may then start
   * beside its credential's check (`authenticateAlongside`). Default false, as on PGlite.
   */
  readsBesideChecks?: boolean;
  /** Memory for rendered reads, in millions of bytes of UTF-8 (default 64; 0 turns caching off). */
  readCacheMegachars?: number;
  /** Issue trackers for action items (default: from `DEBRIEF_GITHUB_*` / `DEBRIEF_JIRA_*`). */
  trackers?: TrackerSettings;
  /** OpenID Connect sign-in (`DEBRIEF_OIDC_*`); absent: none. */
  oidc?: OidcSettings;
  /** Email-and-password sign-in and setup (default true; `DEBRIEF_LOCAL_ACCOUNTS=false`). */
  localAccounts?: boolean;
  /**
   * The database's change notifications, for live updates of the postmortem page; without one,
   * streams carry presence on this instance only. Closed with the server.
   */
  changeFeed?: ChangeFeed;
}

/**
 * Builds the HTTP server without listening: routes, validation, problem+json errors, auth,
 * OpenAPI and the web app. Tests drive it with `app.inject()`.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withRedactedUrls(options.logger ?? false),
    bodyLimit: limits.bodyBytesMax,
    genReqId: () => randomUUID(),
    // The router's own refusals (an undecodable path, an over-long path segment) answer
    // problem+json like every other error.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(reply, '/api/');
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'MALFORMED_REQUEST';
      return sendProblem(
        new DomainError(code, 'The request path could not be read.', { cause: error }),
        request,
        reply,
      );
    },
    ...(options.trustedProxy === undefined ? {} : { trustProxy: [...options.trustedProxy] }),
    // Requests are validated by their zod schemas, and responses are typed by the presenters
    // at compile time (re-validating every response with zod would double the cost of large
    // timelines for no safety gained). Given as factories, these keep Fastify from loading
    // its own compilers, Ajv and fast-json-stringify, which nothing here uses: ≈ 0.1 s of CPU
    // and a few MB at every start.
    // (Fastify types these factories for Ajv's compilers; it calls them as it calls the
    // compilers given to setValidatorCompiler and setSerializerCompiler.)
    schemaController: {
      compilersFactory: {
        buildValidator: () => validatorCompiler,
        buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
      },
    } as unknown as FastifyServerOptions['schemaController'],
  });
  app.setErrorHandler(async (error, request, reply) => {
    const refusal = await authenticationRefusal(request);
    // The check is over: this answer is the request's last, and nothing is left to await.
    request.pendingAuthentication = null;
    if (refusal) {
      // A refused credential gets none of what the route had set (an ETag, a cookie…).
      for (const name of Object.keys(reply.getHeaders())) {
        reply.removeHeader(name);
      }
    }
    return sendProblem(refusal ?? error, request, reply);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(reply, request.url);
    // The id of the request in the server's log, for a person reporting a problem.
    reply.header('x-request-id', String(request.id));
    return payload;
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Debrief API',
        version: '1',
        description: 'Blameless postmortems: incidents, postmortems, timelines, action items.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'debrief_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
  });

  registerUnstorableTextCheck(app);
  registerAuthentication(app, options.deps, {
    sessionIdleTimeoutMs: options.sessionIdleTimeoutMs,
    readsBesideChecks: options.readsBesideChecks ?? false,
  });
  const context: RouteContext = {
    app: withZod(app),
    deps: options.deps,
    secureCookies: options.secureCookies ?? false,
    ping: options.ping,
    readCache: createResponseCache<Buffer>((options.readCacheMegachars ?? 64) * 1_000_000),
  };
  registerHealthRoutes(context);
  registerSessionRoutes(context, options.localAccounts ?? true);
  registerOidcRoutes(
    context,
    options.oidc && {
      client: createOidcClient(options.oidc),
      displayName: options.oidc.displayName,
      redirectUri: options.oidc.redirectUri,
    },
    options.localAccounts ?? true,
  );
  registerAccountRoutes(context);
  registerUserAdminRoutes(context);
  registerPasswordResetRoutes(context);
  registerIncidentRoutes(context);
  registerPostmortemRoutes(context);
  registerPostmortemRecordRoutes(context);
  registerExportRoutes(context);
  registerDraftRoutes(context);
  registerAllPartRoutes(context);
  registerPolicyRoutes(context);
  registerPolicySourceRoutes(context);
  registerDemoRoutes(context);
  registerServiceRoutes(context);
  registerAntiPatternRoutes(context);
  registerFacilitationRoutes(context);
  registerWhyTreeRoutes(context);
  registerImportRoutes(context);
  registerTimelineRoutes(context);
  registerPersonalAccountRoutes(context);
  registerIntegrationRoutes(context);
  registerDeliveryLog(context);
  registerReviewRoutes(context);
  registerCommentRoutes(context);
  const feed = options.changeFeed ?? localChangeFeed();
  const hub = new LiveHub(feed, {
    mayRead: (actor, postmortemId) => mayReadPostmortem(options.deps, actor, postmortemId),
  });
  app.addHook('onClose', async () => {
    await hub.close();
    await feed.close();
  });
  registerLiveRoutes(context, hub);
  registerWebhookRoutes(context);
  registerActionItemRoutes(context);
  registerMetricRoutes(context);
  registerActionItemBoardRoutes(context);
  registerThemeRoutes(context);
  registerNotificationRoutes(context);
  registerRestrictedSectionRoutes(context);
  registerSearchRoutes(context);
  registerPublicationRoutes(context);
  registerFeedRoutes(context);
  registerLegalHoldRoutes(context);
  registerTrackerRoutes(context, options.trackers ?? readTrackerSettings());
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      return sendProblem(
        new DomainError(
          'NOT_FOUND',
          `No route for ${request.method} ${request.url.split('?')[0]}.`,
        ),
        request,
        reply,
      );
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
