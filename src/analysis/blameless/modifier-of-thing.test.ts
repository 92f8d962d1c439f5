import { describe, expect, it } from 'vitest';
import { blamelessContexts, rulesIn } from '../../../test/support/blameless-rules-in.ts';

const contexts = blamelessContexts(['Amara Obi', 'Kenji Sato']);

describe('isModifierOfThing: a person in a phrase after a system noun is not the subject', () => {
  describe.each(contexts)('%s', (_, options) => {
    it.each([
      'The tooling of the operator failed to warn about the expiring certificate.',
      "The operator's tooling failed to warn about the expiring certificate.",
      'The script of the DBA failed to take a snapshot.',
      'The deploy tool of the release manager failed to check the canary.',
      'The monitoring of the operators failed to notice the disk filling up.',
      'The laptop of Kenji failed to reconnect to the VPN.',
      'The page that woke the on-call engineer failed to include the runbook link.',
    ])('"%s" is silent', (text) => {
      expect(rulesIn(text, options)).toEqual([]);
    });

    it.each([
      'The operator failed to warn about the expiring certificate.',
      'The rest of the team failed to notice the alert.',
      'One of the operators failed to notice the alert.',
      'The manager of the operator failed to escalate.',
      'The author of the migration failed to add the index.',
    ])('"%s" still names a person', (text) => {
      expect(rulesIn(text, options).length).toBeGreaterThan(0);
    });
  });
});
