import { z } from 'zod';
import {
  legalHoldSchema,
  publicationEntrySchema,
  publicVersionSchema,
} from '../../contracts/publishing.ts';
import { restrictedSectionSchema } from '../../contracts/restricted-sections.ts';
import { requestJson, send } from './http.ts';

export type PublicVersion = z.infer<typeof publicVersionSchema>;
export type PublicationEntry = z.infer<typeof publicationEntrySchema>;
export type RestrictedSection = z.infer<typeof restrictedSectionSchema>;
export type LegalHoldView = z.infer<typeof legalHoldSchema>;

const path = (id: string) => `/postmortems/${encodeURIComponent(id)}`;
const sectionsSchema = z.object({ data: z.array(restrictedSectionSchema) });
const versionSchema = z.object({ data: publicVersionSchema });

/** Restricted sections, internal and public publishing, legal holds. */
export const publishingApi = {
  restrictedSections: (id: string) =>
    requestJson(sectionsSchema, 'GET', `${path(id)}/restricted-sections`),
  restrictSection: (id: string, key: string, memberIds: string[]) =>
    requestJson(sectionsSchema, 'POST', `${path(id)}/restricted-sections`, {
      body: { key, memberIds },
    }),
  declassifySection: (id: string, key: string) =>
    send('DELETE', `${path(id)}/restricted-sections/${encodeURIComponent(key)}`),
  publishInternally: (id: string) =>
    requestJson(
      z.object({ data: publicationEntrySchema }),
      'POST',
      `${path(id)}/internal-publication`,
    ),
  publicVersion: (id: string) => requestJson(versionSchema, 'GET', `${path(id)}/public-version`),
  preparePublicVersion: (id: string) =>
    requestJson(versionSchema, 'POST', `${path(id)}/public-version`),
  approvePublicVersion: (id: string, draftVersion: number) =>
    requestJson(versionSchema, 'POST', `${path(id)}/public-version/approval`, {
      version: draftVersion,
    }),
  withdrawPublicVersion: (id: string, version: number) =>
    send('DELETE', `${path(id)}/public-version`, { version }),
  legalHold: (id: string) =>
    requestJson(z.object({ data: legalHoldSchema }), 'GET', `${path(id)}/legal-hold`),
  publications: () =>
    requestJson(z.object({ data: z.array(publicationEntrySchema) }), 'GET', '/publications'),
};
