import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the loopback SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it accepts.
 * `hold(client)` — `client` is the name the sender greeted with (EHLO) — keeps a message
 * unanswered: it is not accepted (no `250`) while the sender waits, as a server that stalls.
 */
export async function startSmtpReceiver(
  options: { hold?: (client: string) => boolean } = {},
): Promise<{
  url: string;
  messages: ReceivedMail[];
  held: ReceivedMail[];
  close: () => Promise<void>;
}> {
  const messages: ReceivedMail[] = [];
  const held: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        };
        if (options.hold?.(session.hostNameAppearsAs)) {
          held.push(mail);
          return;
        }
        messages.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    held,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One request the loopback webhook receiver got: headers and the exact body. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * An HTTP server on 127.0.0.1 that answers 200 and keeps every request it answered.
 * `hold(path)` keeps a request unanswered (kept in `held`): the sender never hears a 2xx.
 */
export async function startWebhookReceiver(
  options: { hold?: (path: string) => boolean } = {},
): Promise<{
  url: string;
  requests: ReceivedRequest[];
  held: ReceivedRequest[];
  close: () => Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  const held: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      const received = { path: request.url ?? '', headers: request.headers, body };
      if (options.hold?.(received.path)) {
        held.push(received);
        return;
      }
      requests.push(received);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    held,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
