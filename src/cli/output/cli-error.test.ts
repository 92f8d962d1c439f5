import { describe, expect, it } from 'vitest';
import { describeError, errorAsJson, exitCodeFor } from './cli-error.ts';

/** What the drivers throw for a unique violation (PostgreSQL error 23505). */
const uniqueViolation = Object.assign(new Error('duplicate key value violates unique constraint'), {
  code: '23505',
  constraint: 'users_email_uq',
  detail: 'Key (email)=(sam@example.com) already exists.',
});

describe('CLI errors from the database', () => {
  it('translates a constraint error as the API does: a conflict, not the driver text', () => {
    expect(exitCodeFor(uniqueViolation)).toBe(4);
    expect(errorAsJson(uniqueViolation).code).toBe('ALREADY_EXISTS');
    expect(describeError(uniqueViolation)[0]).toMatch(/^ALREADY_EXISTS: /);
  });
});
