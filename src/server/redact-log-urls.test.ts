import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-log-urls.ts';

describe('redactUrl', () => {
  it('hides the token of a webhook path, and any webhook token elsewhere in the URL', () => {
    expect(redactUrl('/api/v1/webhooks/alertmanager/dbw_Secret-123')).toBe(
      '/api/v1/webhooks/alertmanager/[redacted]',
    );
    expect(redactUrl('/api/v1/webhooks/grafana/anything?x=1')).toBe(
      '/api/v1/webhooks/grafana/[redacted]?x=1',
    );
    expect(redactUrl('/api/v1/other?token=dbw_abc_DEF')).toBe('/api/v1/other?token=[redacted]');
  });

  it('hides the authorization code and state of an OIDC callback', () => {
    expect(
      redactUrl('/api/v1/auth/oidc/callback?code=AbC-123&state=xyz&iss=https%3A%2F%2Fidp'),
    ).toBe('/api/v1/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp');
  });

  it('leaves other URLs as they are', () => {
    expect(redactUrl('/api/v1/webhooks/pagerduty')).toBe('/api/v1/webhooks/pagerduty');
    expect(redactUrl('/api/v1/postmortems/42/imports')).toBe('/api/v1/postmortems/42/imports');
  });
});
