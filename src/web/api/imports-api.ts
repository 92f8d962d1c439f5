import { z } from 'zod';
import { importJobSchema } from '../../contracts/imports.ts';
import { problemSchema } from '../../contracts/problem.ts';
import { ApiError } from './api-error.ts';
import { authApi } from './auth-api.ts';
import { apiBase, requestJson } from './http.ts';

export type ImportJob = z.infer<typeof importJobSchema>;

/** What the import dialog sends besides the file. */
export interface ImportOptions {
  source?: string;
  channels?: string;
  since?: string;
  until?: string;
  zone?: string;
  /** `all`: the whole files, not only the window around the incident. */
  window?: 'incident' | 'all';
  /** Metrics: a threshold for every series (`>0.05`, `<10`, `5%`). */
  threshold?: string;
}

/**
 * Uploads files as multipart with XHR, because fetch reports no upload progress;
 * `onProgress` receives the fraction sent (0–1). Several files (a picked folder) travel with
 * their relative paths and are imported together, each detected on its own. Resolves with the
 * queued job.
 */
export async function uploadImport(
  postmortemId: string,
  files: readonly File[],
  options: ImportOptions,
  onProgress: (fraction: number) => void,
): Promise<ImportJob> {
  // The JSON client keeps the CSRF token to itself; the session hands it out again.
  const { csrfToken } = await authApi.getSession();
  const form = new FormData();
  for (const [key, value] of Object.entries(options)) {
    if (value) {
      form.append(key, value);
    }
  }
  // Fields first, then the files: the server can read the options before streaming the bytes.
  for (const file of files) {
    form.append('file', file, file.webkitRelativePath || file.name);
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}/postmortems/${encodeURIComponent(postmortemId)}/imports`);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) {
      xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onload = () => {
      const body: unknown = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = z.object({ data: importJobSchema }).safeParse(body);
        if (parsed.success) {
          onProgress(1);
          resolve(parsed.data.data);
          return;
        }
      }
      const problem = problemSchema.safeParse(body);
      reject(
        new ApiError(
          problem.success
            ? problem.data
            : {
                type: 'about:blank',
                title: xhr.statusText || 'Upload failed',
                status: xhr.status,
                code: `HTTP_${xhr.status}`,
                requestId: xhr.getResponseHeader('x-request-id') ?? '',
              },
        ),
      );
    };
    xhr.send(form);
  });
}

/** Reads an import job's progress. */
export const getImportJob = (id: string) =>
  requestJson(z.object({ data: importJobSchema }), 'GET', `/imports/${encodeURIComponent(id)}`);
