import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifySignature } from '../../../app/integrations/verify-signature.ts';
import { applyTrackerSignal } from '../../../app/trackers/apply-tracker-signal.ts';
import { createTrackerIssue } from '../../../app/trackers/create-tracker-issue.ts';
import { idParamsSchema, single } from '../../../contracts/common.ts';
import { actionItemSchema } from '../../../contracts/postmortem-parts.ts';
import {
  configuredTrackersSchema,
  createTrackerIssueBodySchema,
  githubIssuesEventSchema,
  jiraIssueUpdatedSchema,
  trackerWebhookResultSchema,
} from '../../../contracts/tracker-webhooks.ts';
import { DomainError } from '../../../domain/errors.ts';
import { signalFromJiraCategory, type TrackerSignal } from '../../../domain/tracker-status.ts';
import { requireActor } from '../../authenticate.ts';
import { setEtag } from '../../if-match.ts';
import { presentPart } from '../../presenters/present-parts.ts';
import type { TrackerSettings } from '../../trackers/tracker-settings.ts';
import { type RouteContext, withZod } from '../route-context.ts';

const rejected = () =>
  new DomainError('UNAUTHENTICATED', 'The webhook secret or signature is not valid.');
const routeConfig = { public: true, webhook: true } as const;
const response = { 200: trackerWebhookResultSchema, 202: trackerWebhookResultSchema };

const rawBody = (request: FastifyRequest) =>
  Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);

function parseJson<S extends z.ZodType>(schema: S, body: Buffer): z.infer<S> | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new DomainError('MALFORMED_REQUEST', 'The body is not JSON.');
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const sameSecret = (given: string | undefined, expected: string) =>
  given !== undefined &&
  Buffer.byteLength(given) === Buffer.byteLength(expected) &&
  timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * Tracker sync: open a GitHub or Jira issue for an action item, and take its status back from
 * the tracker's webhooks (GitHub `issues` closed/reopened, signed with `X-Hub-Signature-256`;
 * Jira `jira:issue_updated`, authenticated by the secret in its URL).
 */
export function registerTrackerRoutes(
  { app, deps }: RouteContext,
  trackers: TrackerSettings,
): void {
  app.get(
    '/api/v1/trackers',
    { schema: { tags: ['action-items'], response: { 200: configuredTrackersSchema } } },
    async (request) => {
      requireActor(request);
      const labels = { github: 'GitHub', jira: 'Jira' } as const;
      return {
        data: (['github', 'jira'] as const)
          .filter((tracker) => trackers.clients[tracker])
          .map((tracker) => ({ tracker, label: labels[tracker] })),
      };
    },
  );

  app.post(
    '/api/v1/action-items/:id/tracker-issue',
    {
      schema: {
        tags: ['action-items'],
        params: idParamsSchema,
        body: createTrackerIssueBodySchema,
        response: { 201: single(actionItemSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const client = trackers.clients[request.body.tracker];
      if (!client) {
        throw new DomainError(
          'INVARIANT_VIOLATED',
          `No ${request.body.tracker} tracker is configured.`,
          {
            details: { rule: 'TRACKER_NOT_CONFIGURED' },
          },
        );
      }
      const item = await createTrackerIssue(
        deps,
        actor,
        request.params.id,
        client,
        trackers.publicUrl,
      );
      setEtag(reply, item.version);
      return reply.code(201).send(presentPart(item, true, actor));
    },
  );

  app.register(async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    const typed = withZod(scope);
    const outcome = async (trackerKey: string | null, signal: TrackerSignal | null) => ({
      trackerKey,
      updatedItemIds:
        trackerKey && signal ? await applyTrackerSignal(deps, trackerKey, signal) : [],
    });

    typed.post(
      '/api/v1/tracker-webhooks/github',
      { config: routeConfig, schema: { tags: ['webhooks'], response } },
      async (request, reply) => {
        const secret = trackers.githubWebhookSecret;
        const signature = request.headers['x-hub-signature-256'];
        if (
          !secret ||
          !verifySignature(
            'github',
            typeof signature === 'string' ? signature : undefined,
            rawBody(request),
            secret,
          )
        ) {
          throw rejected();
        }
        const event = request.headers['x-github-event'];
        const payload =
          event === 'issues' ? parseJson(githubIssuesEventSchema, rawBody(request)) : null;
        const signal: TrackerSignal | null =
          payload?.action === 'closed'
            ? 'closed'
            : payload?.action === 'reopened'
              ? 'reopened'
              : null;
        if (!payload || !signal) {
          return reply.code(202).send({ trackerKey: null, updatedItemIds: [] });
        }
        return outcome(`github:${payload.repository.full_name}#${payload.issue.number}`, signal);
      },
    );

    typed.post(
      '/api/v1/tracker-webhooks/jira',
      {
        config: routeConfig,
        schema: {
          tags: ['webhooks'],
          querystring: z.object({ secret: z.string().max(200).optional() }),
          response,
        },
      },
      async (request, reply) => {
        const secret = trackers.jiraWebhookSecret;
        if (!secret || !sameSecret(request.query.secret, secret)) {
          throw rejected();
        }
        const payload = parseJson(jiraIssueUpdatedSchema, rawBody(request));
        const statusChanged =
          payload?.changelog?.items.some((item) => item.field === 'status') ?? false;
        if (payload?.webhookEvent !== 'jira:issue_updated' || !statusChanged) {
          return reply.code(202).send({ trackerKey: null, updatedItemIds: [] });
        }
        const { issue } = payload;
        return outcome(
          `jira:${issue.key}`,
          signalFromJiraCategory(issue.fields.status.statusCategory.key),
        );
      },
    );
  });
}
