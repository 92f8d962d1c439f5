import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { assertCatalogueWriter, assertNoIssues, catalogueIssues } from './check-catalogue.ts';

const pathOf = (index: number) => `services.${index}`;
const codes = (entries: Parameters<typeof catalogueIssues>[0], existing: string[] = []) =>
  catalogueIssues(entries, new Set(existing), pathOf).map((i) => [i.path, i.code]);

describe('catalogueIssues', () => {
  it('accepts dependencies on the batch or on the catalogue, in any order', () => {
    expect(
      codes(
        [
          { name: 'a', dependsOn: ['b', 'known'] },
          { name: 'b', dependsOn: [] },
        ],
        ['known'],
      ),
    ).toEqual([]);
  });

  it('lists every duplicate, self-dependency and unknown name', () => {
    expect(
      codes([
        { name: 'a', dependsOn: ['a', 'ghost'] },
        { name: 'a', dependsOn: [] },
      ]),
    ).toEqual([
      ['services.1.name', 'duplicate_service'],
      ['services.0.dependsOn.0', 'self_dependency'],
      ['services.0.dependsOn.1', 'unknown_service'],
    ]);
  });

  it('throws VALIDATION_FAILED only when there is an issue', () => {
    expect(() => assertNoIssues([])).not.toThrow();
    expect(() => assertNoIssues([{ path: 'x', code: 'y', message: 'z' }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('lets admins and members edit, not viewers', () => {
    const actor = (role: Actor['role']): Actor => ({ id: 'u', role });
    expect(() => assertCatalogueWriter(actor('member'))).not.toThrow();
    try {
      assertCatalogueWriter(actor('viewer'));
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'FORBIDDEN')).toBe(true);
    }
  });
});
