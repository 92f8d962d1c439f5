import type { ActionItemKind } from '../../domain/action-item.ts';

/** How an action item's wording relates to one service it names. */
export type ServiceRole = 'relies-on' | 'hardens' | 'decouples' | 'unclear';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fix moves away from the service: "page without chat", "fall back when chat is down". */
const decouplingBefore =
  /\b(?:without|instead\s+of|bypass(?:es|ing)?|independent(?:ly)?\s+of|not\s+(?:via|through|on|over|using)|(?:remove|drop|cut)s?\s+(?:the\s+|its\s+|our\s+)?dependency\s+on|decouple[sd]?\s+(?:[\w-]+\s+){0,3}from|away\s+from|other\s+than|outside(?:\s+of)?|fallback\s+(?:for|from|to\s+replace))(?:\s+(?:the|a|an|our|its))?\s*$/i;
const decouplingAfter =
  /^\s*(?:is|goes|was|are)\s+(?:down|unavailable|degraded|failing|out)\b|^\s*outages?\b|^\s*(?:being|is)\s+down\b/i;
/** The fix works on the service itself: "harden slack-proxy", "add replicas to slack-proxy". */
const hardeningBefore =
  /\b(?:harden(?:s|ing)?|fix(?:es|ing)?|repair(?:s|ing)?|patch(?:es|ing)?|upgrade[sd]?|scale[sd]?(?:\s+(?:up|out))?|resize[sd]?|replace[sd]?|migrate[sd]?|rewrite|refactor(?:s|ed)?|tune[sd]?|(?:re)?configure[sd]?|shard(?:s|ed)?|partition(?:s|ed)?|rate-?limit(?:s|ed)?|load-?test(?:s|ed)?|redeploy(?:s|ed)?|restart(?:s|ed)?|stabili[sz]e[sd]?|add(?:s|ed)?\s+(?:[\w-]+\s+){0,4}(?:to|for|in|on)|increase[sd]?\s+(?:[\w-]+\s+){0,3}(?:of|for|on|in)|raise[sd]?\s+(?:[\w-]+\s+){0,3}(?:of|for|on|in)|make|give|test|exercise|cap|limit|protect|isolate|monitor\s+the\s+health\s+of|watch(?:es)?|(?:alert(?:s|ing)?|alarms?|monitor(?:s|ing)?|dashboards?|probes?|health\s+checks?|checks?|metrics?|slos?|slis?)\s+(?:on|for|about|of|in))(?:\s+(?:the|a|an|our|its|each|every))?\s*$/i;
const hardeningAfter =
  /^['’]s\s+(?:[\w-]+\s+){0,2}(?:timeouts?|limits?|capacity|retr(?:y|ies)|config(?:uration)?|memory|pool|replicas?|quota|disk|connections?|queue|health\s+checks?|cache|indexes?|schema|certificates?)\b|^\s+(?:resilient|redundant|highly\s+available|idempotent|stateless|faster|safer)\b/i;
/** The fix goes through the service: "page via alerting", "the statuspage-bot posts". */
const relianceBefore =
  /\b(?:via|through|using|uses?|over|relies\s+on|rely\s+on|relying\s+on|depends?\s+on|on|in|to|from|by|into|with)(?:\s+(?:the|a|an|our|its|each|every))?\s*$/i;
const relianceAfter =
  /^\s*(?:(?:bot|channel|pipeline|integration|webhook|alerts?|notifications?|pages?|messages?)\s+)?(?:posts?|pages?|sends?|notif(?:y|ies)|alerts?|announces?|escalates?|detects?|rolls?\s+back|deploys?|ships?|delivers?|routes?|fires?|triggers?|reports?|checks?|watches)\b/i;

/** Kinds of fix that usually lean on a channel or a tool to work (detection, notification). */
const relyingKinds: ReadonlySet<ActionItemKind> = new Set(['detect', 'mitigate', 'process']);

/**
 * What an item does with a service it names, read from the words around the name: relies on it
 * (pages through it, rolls back with it), hardens it (works on the service itself), decouples
 * from it (a path that avoids it), or unclear. Unclear wording falls back on the item's kind.
 */
export function serviceRoleIn(text: string, service: string, kind: ActionItemKind): ServiceRole {
  const mention = new RegExp(`(?<![\\w-])${escapeRegExp(service)}(?![\\w-])`, 'gi');
  let role: ServiceRole = 'unclear';
  for (const match of text.matchAll(mention)) {
    const at = match.index ?? 0;
    const before =
      text
        .slice(Math.max(0, at - 80), at)
        .split(/[.;:!?\n]/)
        .at(-1) ?? '';
    const after = text.slice(at + match[0].length, at + match[0].length + 60);
    if (decouplingBefore.test(before) || decouplingAfter.test(after)) {
      return 'decouples';
    }
    if (hardeningBefore.test(before) || hardeningAfter.test(after)) {
      role = 'hardens';
    } else if (role === 'unclear' && (relianceBefore.test(before) || relianceAfter.test(after))) {
      role = 'relies-on';
    }
  }
  if (role === 'unclear' && relyingKinds.has(kind) && text.match(mention)) {
    return 'relies-on';
  }
  return role;
}
