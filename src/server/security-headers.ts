import type { FastifyReply } from 'fastify';

/**
 * The page may load scripts only from its own origin (no inline script, so an injected
 * `<script>` does nothing), be framed by nobody, and talk only to its own API. Inline styles stay
 * allowed: rendered diagrams carry style attributes, and a style cannot run code.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Public pages (`/public/…`) run nothing at all: no script from anywhere, no connection, no
 * form; only their own inline stylesheet and the data-URI images of the report.
 */
export const publicPageContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers every response carries. API answers are personal and may be restricted, so no cache
 * (browser or shared) keeps them.
 */
export function applySecurityHeaders(reply: FastifyReply, path: string): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header(
    'content-security-policy',
    path.startsWith('/public/') ? publicPageContentSecurityPolicy : contentSecurityPolicy,
  );
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  if (path.startsWith('/api/') && !path.startsWith('/api/docs')) {
    reply.header('cache-control', 'no-store');
  }
}
