import { z } from 'zod';

const login = z.looseObject({ login: z.string() }).nullish();
const repository = z.looseObject({ full_name: z.string() });

/** `deployment` object of GitHub deployment events. */
const deploymentSchema = z.looseObject({
  id: z.number().int(),
  sha: z.string(),
  ref: z.string(),
  environment: z.string(),
  description: z.string().nullish(),
  created_at: z.string(),
  creator: login,
});

/** GitHub `deployment` webhook. */
export const deploymentEventSchema = z.looseObject({
  action: z.string(),
  deployment: deploymentSchema,
  repository,
  sender: login,
});

/** GitHub `deployment_status` webhook. */
export const deploymentStatusEventSchema = deploymentEventSchema.extend({
  deployment_status: z.looseObject({
    id: z.number().int(),
    state: z.string(),
    environment: z.string().optional(),
    description: z.string().nullish(),
    created_at: z.string(),
    creator: login,
    target_url: z.string().nullish(),
  }),
});

/** GitHub `workflow_run` webhook. */
export const workflowRunEventSchema = z.looseObject({
  action: z.string(),
  workflow_run: z.looseObject({
    id: z.number().int(),
    name: z.string().nullish(),
    head_branch: z.string().nullish(),
    head_sha: z.string(),
    status: z.string(),
    conclusion: z.string().nullish(),
    run_started_at: z.string().nullish(),
    created_at: z.string(),
    updated_at: z.string(),
    html_url: z.string().optional(),
    actor: login,
  }),
  workflow: z.looseObject({ name: z.string().optional() }).nullish(),
  repository,
  sender: login,
});

export type DeploymentEvent = z.infer<typeof deploymentEventSchema>;
export type DeploymentStatusEvent = z.infer<typeof deploymentStatusEventSchema>;
export type WorkflowRunEvent = z.infer<typeof workflowRunEventSchema>;
