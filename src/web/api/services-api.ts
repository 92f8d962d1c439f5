import { z } from 'zod';
import { abilitiesSchema, single } from '../../contracts/common.ts';
import {
  type ImportServicesBody,
  importServicesResultSchema,
  type putServiceBodySchema,
  serviceSchema,
} from '../../contracts/services.ts';
import { requestJson, send } from './http.ts';

export type { ServiceDto as Service } from '../../contracts/services.ts';

const listSchema = z.object({ data: z.array(single(serviceSchema)), abilities: abilitiesSchema });
const path = (name: string) => `/services/${encodeURIComponent(name)}`;

/** The service catalogue. */
export const servicesApi = {
  list: () => requestJson(listSchema, 'GET', '/services'),
  /** Creates (no version) or replaces (the version last read) a service. */
  put: (name: string, body: z.input<typeof putServiceBodySchema>, version?: number) =>
    requestJson(single(serviceSchema), 'PUT', path(name), { body, version }),
  remove: async (name: string, version: number): Promise<true> => {
    await send('DELETE', path(name), { version });
    return true;
  },
  /** The server validates the whole file and lists every problem, so any JSON may be sent. */
  import: (body: ImportServicesBody | unknown) =>
    requestJson(z.object({ data: importServicesResultSchema }), 'POST', '/services/import', {
      body,
    }),
};
