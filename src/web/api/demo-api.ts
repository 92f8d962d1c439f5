import { z } from 'zod';
import { requestJson } from './http.ts';

const demoLoaded = z.object({
  data: z.object({ incidentId: z.string(), postmortemId: z.string() }),
});

/** The demo incident and postmortem (admins only). */
export const demoApi = {
  load: () => requestJson(demoLoaded, 'POST', '/demo-data'),
};
