import { z } from 'zod';
import {
  issuedPasswordResetSchema,
  signedOutSchema,
  type UpdateUserBody,
} from '../../contracts/accounts.ts';
import {
  apiTokenSchema,
  createdTokenSchema,
  type createTokenBodySchema,
  type createUserBodySchema,
  userSchema,
} from '../../contracts/auth.ts';
import {
  type CreateIntegrationBody,
  createdIntegrationSchema,
  integrationSchema,
} from '../../contracts/integrations.ts';
import { policySourceSchema } from '../../contracts/policy-source.ts';
import { webhookDeliveryListSchema } from '../../contracts/webhook-deliveries.ts';
import { requestJson, send } from './http.ts';

export type ApiToken = z.infer<typeof apiTokenSchema>;
export type CreateTokenInput = z.input<typeof createTokenBodySchema>;
export type Integration = z.infer<typeof integrationSchema>;
export type CreatedIntegration = z.infer<typeof createdIntegrationSchema>;
export type WebhookDelivery = z.infer<typeof webhookDeliveryListSchema>['data'][number];
export type PolicySource = z.infer<typeof policySourceSchema>['data'];

const dataOf = <S extends z.ZodType>(schema: S) => z.object({ data: schema });

/** API tokens (the caller's own), integrations, deliveries, accounts and the policy's origin. */
export const settingsApi = {
  listTokens: () => requestJson(dataOf(z.array(apiTokenSchema)), 'GET', '/tokens'),
  createToken: (body: CreateTokenInput) =>
    requestJson(dataOf(createdTokenSchema), 'POST', '/tokens', { body }),
  revokeToken: async (id: string): Promise<true> => {
    await send('DELETE', `/tokens/${encodeURIComponent(id)}`);
    return true;
  },
  listIntegrations: () => requestJson(dataOf(z.array(integrationSchema)), 'GET', '/integrations'),
  createIntegration: (body: CreateIntegrationBody) =>
    requestJson(dataOf(createdIntegrationSchema), 'POST', '/integrations', { body }),
  revokeIntegration: async (id: string): Promise<true> => {
    await send('DELETE', `/integrations/${encodeURIComponent(id)}`);
    return true;
  },
  listDeliveries: () => requestJson(webhookDeliveryListSchema, 'GET', '/webhook-deliveries'),
  policySource: () => requestJson(policySourceSchema, 'GET', '/policy/source'),
  createUser: (body: z.input<typeof createUserBodySchema>) =>
    requestJson(dataOf(userSchema), 'POST', '/users', { body }),
  updateUser: (id: string, body: UpdateUserBody) =>
    requestJson(dataOf(userSchema), 'PATCH', `/users/${encodeURIComponent(id)}`, { body }),
  issuePasswordReset: (id: string) =>
    requestJson(
      dataOf(issuedPasswordResetSchema),
      'POST',
      `/users/${encodeURIComponent(id)}/password-reset`,
    ),
  signOutEverywhere: (id: string) =>
    requestJson(dataOf(signedOutSchema), 'DELETE', `/users/${encodeURIComponent(id)}/sessions`),
};
