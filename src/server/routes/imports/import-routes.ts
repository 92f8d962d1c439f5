import { rm } from 'node:fs/promises';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { toImportOptions } from '../../../app/imports/choose-source.ts';
import { importFile } from '../../../app/imports/import-file.ts';
import { settleImports, trackImport } from '../../../app/imports/import-progress.ts';
import { getImportJob, listImportJobs } from '../../../app/imports/read-import-jobs.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { importBytesMax, importFieldsSchema, importJobSchema } from '../../../contracts/imports.ts';
import { DomainError, isDomainError } from '../../../domain/errors.ts';
import { requireActor } from '../../authenticate.ts';
import { presentImportJob } from '../../presenters/present-import-job.ts';
import { type RouteContext, withZod } from '../route-context.ts';
import { receiveUpload, uploadFilesMax } from './receive-upload.ts';

/** The upload limit: `DEBRIEF_IMPORT_MAX_BYTES`, else 2 GB. */
function uploadLimit(): number {
  const configured = Number(process.env.DEBRIEF_IMPORT_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : importBytesMax;
}

function parseFields(fields: Record<string, string>) {
  const parsed = importFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
    }));
    throw new DomainError('VALIDATION_FAILED', `The form has ${errors.length} problem(s).`, {
      details: { errors },
    });
  }
  return { source: parsed.data.source, options: toImportOptions(parsed.data) };
}

/**
 * Imports: upload (202 + a job that runs in the background, one transaction), list, read.
 * Multipart is registered for the upload route's plugin only.
 */
export function registerImportRoutes({ app, deps }: RouteContext): void {
  const tags = ['imports'];
  app.addHook('onClose', () => settleImports());

  app.register(async (scoped) => {
    await scoped.register(fastifyMultipart, {
      // A picked folder's files are named by their relative paths; `safeRelativePath` keeps
      // them inside the upload's folder.
      preservePath: true,
      limits: { fileSize: uploadLimit(), files: uploadFilesMax, fields: 10, fieldSize: 4096 },
    });
    withZod(scoped).post(
      '/api/v1/postmortems/:id/imports',
      {
        schema: {
          tags,
          params: idParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 202: z.object({ data: importJobSchema }) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const started = await importFile(deps, actor, {
          postmortemId: request.params.id,
          locate: async () => {
            const upload = await receiveUpload(request, uploadLimit());
            const cleanup = () => rm(upload.dir, { recursive: true, force: true });
            try {
              const fields = parseFields(upload.fields);
              return { path: upload.path, displayName: upload.fileName, cleanup, ...fields };
            } catch (error) {
              await cleanup();
              throw error;
            }
          },
        });
        trackImport(
          started.finished.then(({ job, error }) => {
            if (error !== undefined && !isDomainError(error)) {
              request.log.error({ err: error, importId: job.id }, 'import failed');
            }
          }),
        );
        return reply.code(202).send({ data: presentImportJob(started.job) });
      },
    );
  });

  app.get(
    '/api/v1/postmortems/:id/imports',
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.object({ data: z.array(importJobSchema) }) },
      },
    },
    async (request) => {
      const jobs = await listImportJobs(deps, requireActor(request), request.params.id);
      return { data: jobs.map(presentImportJob) };
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.object({ data: importJobSchema }) },
      },
    },
    async (request) => {
      const job = await getImportJob(deps, requireActor(request), request.params.id);
      return { data: presentImportJob(job) };
    },
  );
}
