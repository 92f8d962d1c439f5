import { z } from 'zod';
import type { actionItemPriorities } from '../domain/action-item.ts';
import { incidentKinds, severities } from '../domain/incident.ts';
import { defaultPolicy, type Policy } from '../domain/policy.ts';
import { weekdays } from '../domain/reminders.ts';
import { templateBlocks } from '../domain/report-template.ts';

const daysSchema = z.number().int().min(0).max(365);
const phaseDaysSchema = z
  .object({
    analysis: daysSchema,
    documentation: daysSchema,
    follow_up: daysSchema,
    closed: daysSchema,
  })
  .partial()
  .strict();
const perSeverity = <T extends z.ZodType>(value: T) =>
  z.object({ sev1: value, sev2: value, sev3: value, sev4: value }).strict();
const keySchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'use lower_snake_case');

const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'a domain such as corp.example.com or .internal');

/** A regular expression the redaction step can run (refused at startup when it cannot). */
const patternSchema = z
  .string()
  .min(1)
  .max(500)
  .refine(
    (pattern) => {
      try {
        return !new RegExp(pattern, 'u').test('');
      } catch {
        return false;
      }
    },
    { message: 'a valid regular expression that does not match empty text' },
  );

/** `publishing`: redaction rules of public versions and their approvers. */
const publishingPolicySchema = z
  .object({
    redaction: z
      .object({
        internalDomains: z.array(hostSchema).max(200),
        internalHostSuffixes: z.array(hostSchema).max(200),
        ipAddresses: z.boolean(),
        emails: z.boolean(),
        tokens: z.boolean(),
        patterns: z
          .array(z.object({ pattern: patternSchema, replacement: z.string().max(100) }).strict())
          .max(100),
      })
      .strict(),
    publicApprovers: z.array(z.email()).max(100),
  })
  .strict();

/** One `sensitiveProcesses` entry: the modified process for some incident kinds. */
const sensitiveProcessSchema = z
  .object({
    kinds: z.array(z.enum(incidentKinds)).min(1),
    template: keySchema.optional(),
    requiredReviewRoles: z.array(keySchema).max(10),
    legalHold: z.boolean(),
    restrictedSections: z.array(keySchema).max(20),
    internalSections: z.array(keySchema).min(1).max(20),
  })
  .strict();

/** The whole policy, as `GET /api/v1/policy` serves it. */
export const policySchema = z
  .object({
    requirePostmortem: z
      .object({
        severities: z.array(z.enum(severities)),
        kinds: z.array(z.enum(incidentKinds)),
        nearMissPotentialSeverities: z.array(z.enum(severities)),
        includeDrills: z.boolean(),
      })
      .strict(),
    recurringMinorIssues: z
      .object({
        severities: z.array(z.enum(severities)),
        minIncidents: z.number().int().min(2).max(1000),
        windowDays: z.number().int().min(1).max(365),
        dueBusinessDays: phaseDaysSchema,
      })
      .strict(),
    dueBusinessDays: perSeverity(phaseDaysSchema),
    holidays: z.array(z.iso.date()),
    factorTaxonomy: z
      .array(
        z
          .object({ key: keySchema, label: z.string().min(1), description: z.string().optional() })
          .strict(),
      )
      .min(1)
      .refine((items) => new Set(items.map((i) => i.key)).size === items.length, {
        message: 'category keys must be unique',
      }),
    reportSections: z
      .array(z.object({ key: keySchema, label: z.string().min(1), required: z.boolean() }).strict())
      .min(1)
      .refine((items) => new Set(items.map((i) => i.key)).size === items.length, {
        message: 'section keys must be unique',
      }),
    reportTemplates: z
      .array(
        z
          .object({
            key: keySchema,
            label: z.string().min(1),
            kinds: z.array(z.enum(incidentKinds)).default([]),
            severities: z.array(z.enum(severities)).default([]),
            sections: z
              .array(
                z
                  .object({
                    key: keySchema,
                    label: z.string().min(1).max(200),
                    level: z.number().int().min(2).max(4).default(2),
                    block: z.enum(templateBlocks).default('text'),
                    help: z.string().max(2000).optional(),
                    required: z.boolean().default(false),
                  })
                  .strict(),
              )
              .min(1)
              .refine((items) => new Set(items.map((i) => i.key)).size === items.length, {
                message: 'section keys must be unique within a template',
              }),
          })
          .strict(),
      )
      .optional(),
    requiredReviewerApprovals: perSeverity(z.number().int().min(0).max(20)),
    authorMayApprove: z.boolean().optional(),
    dismissStaleApprovals: z.boolean().optional(),
    reviewTeams: z.record(keySchema, z.array(z.email()).min(1).max(500)).optional(),
    publishing: publishingPolicySchema.optional(),
    sensitiveProcesses: z.array(sensitiveProcessSchema).max(20).optional(),
    blameless: z
      .object({
        disabledRules: z.array(z.string().min(1)),
        extraTerms: z.array(
          z.object({ rule: z.string().min(1), terms: z.array(z.string().min(1)).min(1) }).strict(),
        ),
      })
      .strict(),
    intake: z
      .object({
        severityLabel: z.string().min(1),
        severityMap: z.record(z.string().min(1), z.enum(severities)),
        openIncidentAtOrAbove: z.enum(severities).nullable(),
        importWindowHours: z.number().int().min(0).max(8760).optional(),
        lateSignalGraceMinutes: z.number().int().min(0).max(10080).optional(),
      })
      .strict(),
    antiPatterns: z
      .object({
        followUpStaleDays: z.number().int().min(1).max(365),
        analysisBudgetBusinessDays: perSeverity(z.number().int().min(1).max(365)),
      })
      .strict(),
    actionItems: z
      .object({
        dueDays: perSeverity(
          z
            .object({ p1: daysSchema, p2: daysSchema, p3: daysSchema } satisfies Record<
              (typeof actionItemPriorities)[number],
              typeof daysSchema
            >)
            .strict(),
        ),
        verifierMustDifferFromOwner: z.boolean(),
      })
      .strict(),
    reminders: z
      .object({
        beforeDueDays: z.array(daysSchema).max(10),
        escalateToPostmortemOwnerAfterDays: daysSchema,
        escalateToTeamLeadAfterDays: daysSchema,
        teamLeads: z.record(z.string().min(1), z.email()),
        phaseBeforeDueDays: z.array(daysSchema).max(10).optional(),
        weeklyDigestDay: z.enum(weekdays).nullable().optional(),
      })
      .strict(),
  })
  .strict();

/**
 * The policy file. Every top-level section is optional and replaces the default section
 * whole, so a file states its rules completely where it states them at all.
 */
export const policyFileSchema = policySchema.partial().strict();

/** Validates a parsed policy file and lays it over the default policy. */
export function resolvePolicy(input: unknown): Policy {
  const file = policyFileSchema.parse(input ?? {});
  return { ...defaultPolicy, ...file } as Policy;
}
