import type { z } from 'zod';
import { paged, single } from '../../contracts/common.ts';
import {
  type createIncidentBodySchema,
  incidentSchema,
  type updateIncidentBodySchema,
} from '../../contracts/incident.ts';
import { requestJson } from './http.ts';

export type Incident = z.infer<typeof incidentSchema>;
export type CreateIncidentInput = z.input<typeof createIncidentBodySchema>;
export type UpdateIncidentInput = z.input<typeof updateIncidentBodySchema>;

/** Filters of the incident list, as query-string values (lists comma-separated). */
export interface IncidentFilters {
  kind?: string;
  severity?: string;
  status?: string;
  service?: string;
  from?: string;
  to?: string;
  q?: string;
}

const incidentPage = paged(incidentSchema);
const oneIncident = single(incidentSchema);

/** Incidents: what happened. */
export const incidentsApi = {
  list: (filters: IncidentFilters, cursor?: string) =>
    requestJson(incidentPage, 'GET', '/incidents', { query: { ...filters, cursor } }),
  get: (id: string) => requestJson(oneIncident, 'GET', `/incidents/${encodeURIComponent(id)}`),
  create: (body: CreateIncidentInput) => requestJson(oneIncident, 'POST', '/incidents', { body }),
  update: (id: string, version: number, body: UpdateIncidentInput) =>
    requestJson(oneIncident, 'PATCH', `/incidents/${encodeURIComponent(id)}`, { body, version }),
};
