import { exportPostmortem } from '../../../app/documents/export-postmortem.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { exportQuerySchema } from '../../../contracts/documents.ts';
import { requireActor } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';

/**
 * `GET /api/v1/postmortems/{id}/export?format=md|html|pdf|json`: the report as a download.
 * Visibility is the read rule of the postmortem: a restricted review is 404 for outsiders.
 */
export function registerExportRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/export',
    {
      schema: {
        tags: ['postmortems'],
        summary: 'Export the report as Markdown, HTML, PDF or JSON',
        params: idParamsSchema,
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const document = await exportPostmortem(deps, requireActor(request), request.params.id, {
        format: request.query.format,
        templateKey: request.query.template,
      });
      return reply
        .type(document.contentType)
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(document.body);
    },
  );
}
