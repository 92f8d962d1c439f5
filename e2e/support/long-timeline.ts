import type { APIRequestContext } from 'playwright-core';

/**
 * A Markdown timeline table of `count` rows, one every five seconds from `start`, each with
 * its own text (`Event 42 of 10000: …`), as an old postmortem document would hold it.
 */
export function markdownTimeline(count: number, start: Date): string {
  const lines = ['## Timeline', '', '| Time (UTC) | Event |', '|---|---|'];
  const stamp = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ');
  for (let index = 0; index < count; index += 1) {
    const at = new Date(start.getTime() + index * 5_000);
    const what = index % 3 === 0 ? 'checkout p99 latency above 2 s' : 'pool at 100 percent';
    lines.push(`| ${stamp(at)} | Event ${index + 1} of ${count}: ${what} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Opens a postmortem with `count` proposed timeline events through the real API (an incident,
 * its postmortem, a Markdown timeline imported whole) as the signed-in user of `request`;
 * resolves with the postmortem's id once the import has finished.
 */
export async function seedLongTimeline(
  request: APIRequestContext,
  csrfToken: string,
  count: number,
): Promise<string> {
  const headers = { 'x-csrf-token': csrfToken };
  const start = new Date(Date.UTC(2026, 10, 16, 14, 0));
  const incident = await request.post('/api/v1/incidents', {
    headers,
    data: {
      title: `Checkout latency with ${count} events`,
      kind: 'outage',
      severity: 'sev2',
      services: ['checkout'],
      instants: { started_at: { at: start.toISOString() } },
    },
  });
  const postmortem = await request.post('/api/v1/postmortems', {
    headers,
    data: { incidentIds: [(await incident.json()).data.id] },
  });
  const postmortemId: string = (await postmortem.json()).data.id;
  const upload = await request.post(`/api/v1/postmortems/${postmortemId}/imports`, {
    headers,
    multipart: {
      file: {
        name: 'timeline.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(markdownTimeline(count, start)),
      },
      window: 'all',
    },
  });
  if (upload.status() !== 202) {
    throw new Error(`import refused: ${upload.status()} ${await upload.text()}`);
  }
  const jobId: string = (await upload.json()).data.id;
  for (;;) {
    const job = (await (await request.get(`/api/v1/imports/${jobId}`)).json()).data;
    if (job.status === 'succeeded') {
      return postmortemId;
    }
    if (job.status === 'failed') {
      throw new Error(`import failed: ${JSON.stringify(job.error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
