import { describe, expect, it } from 'vitest';
import { blamelessContexts, rulesIn } from '../../../test/support/blameless-rules-in.ts';

const contexts = blamelessContexts(['Noor Haddad', 'Sven Olsen', 'Hana Ito']);

describe('matchPersonSubject: hindsight with hyphenated and phrasal verbs', () => {
  describe.each(contexts)('%s', (_, options) => {
    it.each([
      'Noor should have re-run the migration dry run first.',
      'The on-call engineer could have rolled back sooner.',
      "Sven should've re-run the job before the cutover.",
      'The DBA should have re-run the vacuum.',
      'Noor should have dry-run the migration.',
      'Noor could have redone the backup on the replica.',
      'The SRE could have cut over to the standby region.',
      'Hana should have double-checked the target cluster.',
      'The release manager should have held back the release.',
      'The operator should not have restarted the primary.',
      "The operator shouldn't have restarted the primary.",
      'Noor should never have re-run the job on the primary.',
      'Noor ought not to have re-deployed the old image.',
    ])('"%s" is hindsight', (text) => {
      expect(rulesIn(text, options)).toContain('hindsight');
    });

    it.each([
      'We should have dry-run support in the migrator.',
      'The pipeline should have re-run the failed job automatically.',
      'An operator should not have been able to delete the production database.',
      'The on-call engineer would have rolled back sooner, but the pipeline was locked.',
      'Noor could not have known the flag was global.',
    ])('"%s" is silent', (text) => {
      expect(rulesIn(text, options)).toEqual([]);
    });
  });
});
