import { z } from 'zod';
import {
  actionItemKinds,
  actionItemPriorities,
  actionItemStatuses,
} from '../domain/action-item.ts';
import {
  incidentKinds,
  instantPrecisions,
  keyInstantNames,
  severities,
} from '../domain/incident.ts';
import { participantRoles } from '../domain/participant.ts';
import { whyNodeMarks } from '../domain/why-node.ts';

const text = z.string().min(1);
const ref = z.string().regex(/^[A-Z]\d+$/, 'a ref like F1, W2 or A3');

/** The front matter of a postmortems-as-code document, version 1 (see docs/reports.md). */
export const frontMatterSchema = z
  .object({
    debrief: z.literal(1),
    template: z.string().min(1),
    title: text,
    scope: z.enum(['single', 'thematic']).default('single'),
    restricted: z.boolean().default(false),
    incidents: z
      .array(
        z
          .object({
            title: text,
            summary: z.string().default(''),
            kind: z.enum(incidentKinds),
            severity: z.enum(severities),
            potential_severity: z.enum(severities).nullable().default(null),
            drill: z.boolean().default(false),
            services: z.array(text).default([]),
            instants: z
              .partialRecord(
                z.enum(keyInstantNames),
                z
                  .object({
                    at: z.iso.datetime({ offset: true }),
                    source: text,
                    precision: z.enum(instantPrecisions),
                  })
                  .strict(),
              )
              .default({}),
          })
          .strict(),
      )
      .min(1),
    impact: z.record(z.string(), z.string()).default({}),
    participants: z
      .array(z.object({ name: text, role: z.enum(participantRoles) }).strict())
      .default([]),
    factors: z
      .array(
        z
          .object({
            id: ref,
            description: text,
            category: text,
            root_cause: z.boolean().default(false),
            accepted_risk: z.string().nullable().default(null),
          })
          .strict(),
      )
      .default([]),
    why_tree: z
      .array(
        z
          .object({
            id: ref,
            parent: ref.nullable().default(null),
            question: text,
            answer: z.string().default(''),
            mark: z.enum(whyNodeMarks).default('none'),
            category: z.string().nullable().default(null),
            no_evidence_reason: z.string().nullable().default(null),
            accepted_risk: z.string().nullable().default(null),
          })
          .strict(),
      )
      .default([]),
    action_items: z
      .array(
        z
          .object({
            id: ref,
            title: text,
            kind: z.enum(actionItemKinds),
            owner: z.string().nullable().default(null),
            due: z.iso.date().nullable().default(null),
            status: z.enum(actionItemStatuses).default('open'),
            priority: z.enum(actionItemPriorities).nullable().default(null),
            team: z.string().nullable().default(null),
            services: z.array(text).default([]),
            idea: z.boolean().default(false),
            success_criterion: z.string().nullable().default(null),
            wont_do_reason: z.string().nullable().default(null),
            tracker: z.string().nullable().default(null),
            verification: z.string().nullable().default(null),
            verification_note: z.string().nullable().default(null),
            addresses: z.array(ref).default([]),
            relies_on: z.array(text).default([]),
          })
          .strict(),
      )
      .default([]),
    extra_sections: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/)).default([]),
  })
  .strict();
export type FrontMatter = z.infer<typeof frontMatterSchema>;
