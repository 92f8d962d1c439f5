import { checkPayload, fieldError } from '../alertmanager/payload-text.ts';
import { type PreciseInstant, parseRfc3339 } from '../alertmanager/rfc3339.ts';
import type { ImportedEvent, ImportResult } from '../imported-event.ts';
import {
  deploymentEventSchema,
  deploymentStatusEventSchema,
  workflowRunEventSchema,
} from './payload-schema.ts';

/** The GitHub events we read; the rest are accepted and ignored with a warning. */
export type GithubEventName = 'deployment' | 'deployment_status' | 'workflow_run';

function readInstant(text: string, fileName: string, path: string): PreciseInstant {
  const instant = parseRfc3339(text);
  if (instant === null) {
    throw fieldError(
      fileName,
      path,
      'invalid_timestamp',
      `not an ISO 8601 instant: ${text.slice(0, 40)}`,
    );
  }
  return instant;
}

function repositoryName(fullName: string): string {
  return fullName.split('/').pop() ?? fullName;
}

/** Which event a body is, from `X-GitHub-Event` when delivered live, else from its shape. */
export function githubEventName(data: Record<string, unknown>, header?: string): string {
  if (header !== undefined) {
    return header;
  }
  if (data.deployment_status) {
    return 'deployment_status';
  }
  if (data.deployment) {
    return 'deployment';
  }
  if (data.workflow_run && data.workflow) {
    return 'workflow_run';
  }
  return 'other';
}

function event(
  at: PreciseInstant,
  rest: Omit<
    ImportedEvent,
    'occurredAt' | 'originalTimestamp' | 'originalZone' | 'ambiguities' | 'kind'
  >,
  kind: ImportedEvent['kind'] = 'action',
): ImportedEvent {
  return {
    ...rest,
    occurredAt: at.at,
    originalTimestamp: at.original,
    originalZone: at.zone,
    kind,
    ambiguities: [],
  };
}

const rollbackWords =
  /\b(roll(?:ed|ing)?[ -]?back|revert(?:ed|ing)?|hot ?fix|fix(?:es|ed)? for)\b/i;

/** A deploy that succeeded in rolling back or fixing is a mitigation, not any action. */
function deployKind(
  state: string,
  ...texts: Array<string | null | undefined>
): ImportedEvent['kind'] {
  return state === 'success' && texts.some((text) => text && rollbackWords.test(text))
    ? 'mitigation'
    : 'action';
}

/** Deployments, deployment statuses and workflow runs as `action` events of the repository. */
export function githubToTimelineEvents(
  data: Record<string, unknown>,
  fileName: string,
  name: string,
): ImportResult {
  const result: ImportResult = { source: 'github', events: [], instants: [], warnings: [] };
  if (name === 'deployment_status') {
    const body = checkPayload(data, fileName, deploymentStatusEventSchema);
    const { deployment: d, deployment_status: s } = body;
    const at = readInstant(s.created_at, fileName, '/deployment_status/created_at');
    result.events.push(
      event(
        at,
        {
          externalId: `github:deployment:${d.id}:status:${s.id}`,
          text: `Deployment of ${d.ref} (${d.sha.slice(0, 7)}) to ${s.environment ?? d.environment}: ${s.state}${s.description ? ` — ${s.description}` : ''}`,
          actor: s.creator?.login ?? body.sender?.login ?? null,
          sourceRef: body.repository.full_name,
          rawRef: `${fileName}#/deployment_status`,
          details: {
            deploymentId: d.id,
            statusId: s.id,
            state: s.state,
            environment: s.environment ?? d.environment,
            sha: d.sha,
            ref: d.ref,
            targetUrl: s.target_url ?? null,
            labels: { service: repositoryName(body.repository.full_name) },
          },
        },
        deployKind(s.state, s.description, d.description, d.ref),
      ),
    );
  } else if (name === 'deployment') {
    const body = checkPayload(data, fileName, deploymentEventSchema);
    const d = body.deployment;
    const at = readInstant(d.created_at, fileName, '/deployment/created_at');
    result.events.push(
      event(at, {
        externalId: `github:deployment:${d.id}:${body.action}`,
        text: `Deployment of ${d.ref} (${d.sha.slice(0, 7)}) to ${d.environment} ${body.action}`,
        actor: d.creator?.login ?? body.sender?.login ?? null,
        sourceRef: body.repository.full_name,
        rawRef: `${fileName}#/deployment`,
        details: {
          deploymentId: d.id,
          environment: d.environment,
          sha: d.sha,
          ref: d.ref,
          description: d.description ?? null,
          labels: { service: repositoryName(body.repository.full_name) },
        },
      }),
    );
  } else if (name === 'workflow_run') {
    const body = checkPayload(data, fileName, workflowRunEventSchema);
    const run = body.workflow_run;
    const at = readInstant(run.updated_at, fileName, '/workflow_run/updated_at');
    const runName = run.name || body.workflow?.name || `run ${run.id}`;
    const outcome = run.conclusion ? `${run.status} (${run.conclusion})` : run.status;
    result.events.push(
      event(at, {
        externalId: `github:workflow_run:${run.id}:${run.status}:${run.conclusion ?? ''}`,
        text: `Workflow "${runName}" on ${run.head_branch ?? run.head_sha.slice(0, 7)} ${outcome}`,
        actor: run.actor?.login ?? body.sender?.login ?? null,
        sourceRef: body.repository.full_name,
        rawRef: `${fileName}#/workflow_run`,
        details: {
          runId: run.id,
          status: run.status,
          conclusion: run.conclusion ?? null,
          sha: run.head_sha,
          htmlUrl: run.html_url ?? null,
          labels: { service: repositoryName(body.repository.full_name) },
        },
      }),
    );
  } else {
    result.warnings.push({
      code: 'GITHUB_EVENT_IGNORED',
      message: `GitHub event "${name}" is not a deployment, deployment status or workflow run; nothing imported.`,
      where: fileName,
    });
  }
  return result;
}
