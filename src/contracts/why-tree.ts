import { z } from 'zod';
import { whyNodeMarks } from '../domain/why-node.ts';
import { abilitiesSchema, pageInfoSchema, text } from './common.ts';
import { limits } from './limits.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable();

/** Most evidence links one why may cite. */
export const whyEvidenceMax = 50;

const whyNodeFields = {
  parentId: z.uuid().nullable(),
  question: text(limits.longTextMax),
  answer: z.string().trim().max(limits.longTextMax),
  category: z.string().trim().min(1).max(64).nullable(),
  mark: z.enum(whyNodeMarks),
  evidenceEventIds: z.array(z.uuid()).max(whyEvidenceMax),
  noEvidenceReason: optionalText(limits.shortTextMax),
  acceptedRiskReason: optionalText(limits.shortTextMax),
};

/** Adds a why: a root of the tree (`parentId: null`) or a child of an existing why. */
export const createWhyNodeBodySchema = z
  .object({
    parentId: whyNodeFields.parentId.default(null),
    question: whyNodeFields.question,
    answer: whyNodeFields.answer.default(''),
    category: whyNodeFields.category.default(null),
    mark: whyNodeFields.mark.default('none'),
    evidenceEventIds: whyNodeFields.evidenceEventIds.default([]),
    noEvidenceReason: whyNodeFields.noEvidenceReason.default(null),
    acceptedRiskReason: whyNodeFields.acceptedRiskReason.default(null),
  })
  .strict();

/** Edits, marks or moves (`parentId`) a why; `evidenceEventIds` replaces its evidence. */
export const updateWhyNodeBodySchema = z.object(whyNodeFields).partial().strict();

export const whyNodeSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  parentId: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  category: z.string().nullable(),
  mark: z.enum(whyNodeMarks),
  evidenceEventIds: z.array(z.string()),
  noEvidenceReason: z.string().nullable(),
  acceptedRiskReason: z.string().nullable(),
  position: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const whyTreeHintSchema = z.object({
  kind: z.enum(['shallow_branch', 'deep_branch']),
  nodeId: z.string(),
  depth: z.number().int(),
  message: z.string(),
});

/** The why-tree as a flat list (parents by id), the depth hints, and what the viewer may do. */
export const whyTreeResponseSchema = z.object({
  data: z.array(z.object({ data: whyNodeSchema, abilities: abilitiesSchema })),
  page: pageInfoSchema,
  hints: z.array(whyTreeHintSchema),
  abilities: abilitiesSchema,
});

export type WhyNodeView = z.infer<typeof whyNodeSchema>;
export type WhyTreeHintView = z.infer<typeof whyTreeHintSchema>;
