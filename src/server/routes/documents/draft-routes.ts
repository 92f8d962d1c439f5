import { draftReportSections } from '../../../app/documents/draft-report-sections.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { reportDraftResponseSchema } from '../../../contracts/documents.ts';
import { requireActor } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';

/** `POST /api/v1/postmortems/{id}/report-draft`: fills the empty report sections from the data. */
export function registerDraftRoutes({ app, deps }: RouteContext): void {
  app.post(
    '/api/v1/postmortems/:id/report-draft',
    {
      schema: {
        tags: ['postmortems'],
        summary: 'Draft the empty report sections from the data (never overwrites)',
        params: idParamsSchema,
        response: { 200: reportDraftResponseSchema },
      },
    },
    async (request) => ({
      data: await draftReportSections(deps, requireActor(request), request.params.id),
    }),
  );
}
