import { z } from 'zod';
import { type IntegrationKind, integrationKinds } from '../../contracts/integrations.ts';
import { alertmanagerConverter } from '../../importers/alertmanager/alertmanager-converter.ts';
import { parsePayloadText } from '../../importers/alertmanager/payload-text.ts';
import { githubConverter } from '../../importers/github/github-converter.ts';
import { githubToTimelineEvents } from '../../importers/github/to-timeline-events.ts';
import { grafanaConverter } from '../../importers/grafana/grafana-converter.ts';
import type { ImportResult } from '../../importers/imported-event.ts';
import { opsgenieConverter } from '../../importers/opsgenie/opsgenie-converter.ts';
import { quoteBigIntegers } from '../../importers/opsgenie/quote-big-integers.ts';
import { pagerdutyConverter } from '../../importers/pagerduty/pagerduty-converter.ts';
import { statuspageConverter } from '../../importers/statuspage/statuspage-converter.ts';

const converters = {
  alertmanager: alertmanagerConverter,
  grafana: grafanaConverter,
  pagerduty: pagerdutyConverter,
  opsgenie: opsgenieConverter,
  statuspage: statuspageConverter,
  github: githubConverter,
} as const satisfies Record<IntegrationKind, unknown>;

/** Whether a path segment names an integration kind. */
export function isIntegrationKind(kind: string): kind is IntegrationKind {
  return (integrationKinds as readonly string[]).includes(kind);
}

/**
 * Converts one live delivery with the same converter as the file import; `githubEvent` is
 * `X-GitHub-Event`. The payload is returned parsed, for keeping it with the signal.
 */
export function convertDelivery(
  kind: IntegrationKind,
  body: string,
  deliveryRef: string,
  githubEvent?: string,
): { result: ImportResult; payload: unknown } {
  if (kind === 'github') {
    const data = parsePayloadText(body, deliveryRef, z.record(z.string(), z.unknown()));
    const name = githubEvent ?? 'other';
    return { result: githubToTimelineEvents(data, deliveryRef, name), payload: data };
  }
  const result = converters[kind].convertText(body, deliveryRef);
  return { result, payload: safeJson(kind === 'opsgenie' ? quoteBigIntegers(body) : body) };
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}
