import { describe, expect, it } from 'vitest';
import { blamelessContexts, rulesIn } from '../../../test/support/blameless-rules-in.ts';

const contexts = blamelessContexts(['Noor Haddad', 'Sven Olsen', 'Hana Ito']);

describe('isSystemArtefactObject: "should have had" a system artefact is a wish', () => {
  describe.each(contexts)('%s', (_, options) => {
    it.each([
      'We should have had an alert on replication lag.',
      'We should have had alerting on replication lag.',
      "We should've had a runbook for the failover.",
      'We could have had canaries in every region.',
      'We should have had a rate limit on the export endpoint.',
      'We should have had a health check that caught it.',
      'We should have had more monitoring.',
      'The engineers should have had more dashboards.',
      'Noor should have had an alert on replication lag.',
      'We could have had a canary in front of the config service.',
      'We should not have had a manual step in the failover procedure.',
      'There should have been an alert on replication lag.',
    ])('"%s" is silent', (text) => {
      expect(rulesIn(text, options)).toEqual([]);
    });

    it.each([
      'Noor should have had the runbook open.',
      'The on-call engineer should have had the dashboard up.',
      'We should have had the runbook ready before the failover.',
      'We should have had the runbook at hand.',
      'Hana could have had the runbook in front of her.',
      'We should have had the alerts on.',
      'Noor should have had the canary rolled back.',
      'We should have had someone review the migration.',
      'We should have had Sven roll back the deploy.',
      'We should have had the DBA test for it.',
      'Hana should have had a closer look at the logs.',
      'We should have had the foresight to add an alert.',
    ])('"%s" is hindsight', (text) => {
      expect(rulesIn(text, options)).toContain('hindsight');
    });
  });
});
