import { randomUUID } from 'node:crypto';

/** One file of a multipart body. */
export interface MultipartFile {
  field?: string;
  name: string;
  content: string | Buffer;
}

/** A multipart/form-data body for `app.inject`, with text fields and any number of files. */
export function multipartBody(
  fields: Record<string, string>,
  files?: MultipartFile | readonly MultipartFile[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----debrief${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const file of files === undefined ? [] : 'name' in files ? [files] : files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
