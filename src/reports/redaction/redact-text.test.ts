import { describe, expect, it } from 'vitest';
import { defaultPublishingPolicy, type RedactionRules } from '../../domain/publishing-policy.ts';
import { compileRedaction, isInternalHost, redactText } from './redact-text.ts';

const rules: RedactionRules = {
  ...defaultPublishingPolicy.redaction,
  internalDomains: ['corp.example.com'],
  patterns: [{ pattern: 'INC-\\d{4,}', replacement: '[ticket]' }],
};
const people = [
  { names: ['Kenji Tanaka', 'kenji.t'], label: 'an engineer' },
  { names: ['Mark Osei'], label: 'the incident owner' },
];
const compiled = compileRedaction(rules, people);
const redact = (text: string) => redactText(text, compiled);

describe('redactText', () => {
  it('replaces people by their role, full names and name parts, at a sentence start capitalised', () => {
    expect(redact('Kenji Tanaka rolled back the deploy. Then Kenji paged Mark.').text).toBe(
      'An engineer rolled back the deploy. Then an engineer paged the incident owner.',
    );
  });

  it('keeps a lower-case word that is also a name part, and names inside other words', () => {
    expect(redact('We mark the alert as noisy; Markdown renders it.').text).toBe(
      'We mark the alert as noisy; Markdown renders it.',
    );
  });

  it('replaces handles built on a name, whatever their case', () => {
    const unknownHandles = compileRedaction(rules, [
      { names: ['Kenji Tanaka'], label: 'an engineer' },
    ]);
    expect(redactText('kenji.t and Tanaka_K paged; kenjiro stayed.', unknownHandles).text).toBe(
      'An engineer and an engineer paged; kenjiro stayed.',
    );
  });

  it('replaces chat handles and @mentions', () => {
    const result = redact('kenji.t said @oncall-db should look.');
    expect(result.text).toBe('An engineer said a responder should look.');
    expect(result.redactions.map((r) => r.kind)).toEqual(['person', 'person']);
  });

  it('removes internal host names, keeps public ones', () => {
    expect(
      redact(
        'Queries to db-7.payments.corp.example.com and cache-2.internal timed out; github.com was fine.',
      ).text,
    ).toBe('Queries to [internal host] and [internal host] timed out; github.com was fine.');
  });

  it('removes internal URLs whole, keeps public URLs', () => {
    expect(
      redact(
        'See https://grafana.corp.example.com/d/abc?from=now-1h and http://jenkins:8080/job/7, and https://status.example.org/incidents/42.',
      ).text,
    ).toBe('See [internal link] and [internal link], and https://status.example.org/incidents/42.');
  });

  it('removes IPv4 and IPv6 addresses but not times, versions or dates', () => {
    expect(
      redact(
        'At 14:05:09 on 2026-11-16 node 10.20.3.41:5432 and fd00:1234::7 dropped; v1.2.3 shipped.',
      ).text,
    ).toBe('At 14:05:09 on 2026-11-16 node [IP address] and [IP address] dropped; v1.2.3 shipped.');
  });

  it('leaves four numbers above 255 alone', () => {
    expect(redact('Order 300.400.500.600 was retried.').text).toBe(
      'Order 300.400.500.600 was retried.',
    );
  });

  it('removes e-mail addresses', () => {
    expect(redact('Mail oncall@corp.example.com or help@vendor.example.org.').text).toBe(
      'Mail [e-mail address] or [e-mail address].',
    );
  });

  it('keeps external e-mails when the rules remove only internal ones', () => {
    const narrow = compileRedaction({ ...rules, emails: false }, []);
    expect(redactText('oncall@corp.example.com, help@vendor.example.org', narrow).text).toBe(
      '[e-mail address], help@vendor.example.org',
    );
  });

  it('removes credentials of many shapes', () => {
    const text = [
      'token dbf_Q3k9ZxY2mWv8LpR4tN6b leaked',
      'xoxb-1234567890-abcdefghij',
      'AKIAIOSFODNN7EXAMPLE',
      'Authorization: Bearer abcdefghijklmnop1234',
      'password=hunter2!',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ].join('\n');
    const result = redact(text);
    expect(result.text).toBe(
      [
        'token [secret] leaked',
        '[secret]',
        '[secret]',
        'Authorization: [secret]',
        '[secret]',
        '[secret]',
      ].join('\n'),
    );
    expect(result.redactions.every((r) => r.kind === 'token')).toBe(true);
  });

  it('applies the policy’s own patterns', () => {
    expect(redact('Tracked in INC-20431.').text).toBe('Tracked in [ticket].');
  });

  it('lists every redaction with what it replaced, in order', () => {
    expect(redact('Kenji restarted 10.0.0.8.').redactions).toEqual([
      { kind: 'person', original: 'Kenji', replacement: 'An engineer' },
      { kind: 'ip_address', original: '10.0.0.8', replacement: '[IP address]' },
    ]);
  });

  it('wraps each replacement in the marks a preview asks for', () => {
    const marked = redactText('Kenji restarted it.', compiled, {
      open: (kind) => `<${kind}>`,
      close: '</>',
    });
    expect(marked.text).toBe('<person>An engineer</> restarted it.');
  });

  it('leaves text without anything to redact unchanged', () => {
    const text = 'The checkout-api pods failed to become ready after the config change.';
    expect(redact(text)).toEqual({ text, redactions: [] });
  });
});

describe('isInternalHost', () => {
  it.each([
    ['localhost', true],
    ['jenkins', true],
    ['db.corp.example.com', true],
    ['corp.example.com', true],
    ['api.svc.cluster.local', true],
    ['example.com', false],
    ['notcorp.example.com', false],
  ])('%s → %s', (host, internal) => {
    expect(isInternalHost(host, rules)).toBe(internal);
  });
});
