import { describe, expect, it } from 'vitest';
import { blamelessContexts, rulesIn } from '../../../test/support/blameless-rules-in.ts';

const contexts = blamelessContexts(['Noor Haddad', 'Kenji Sato', 'Amara Obi']);

describe('coordinatedSubject: a verb phrase after "and" shares the subject before it', () => {
  describe.each(contexts)('%s', (_, options) => {
    it.each([
      ['Noor woke late and missed the page.', 'neglect'],
      ['The on-call engineer woke late, and missed the page.', 'neglect'],
      ['Noor was tired and missed the page.', 'neglect'],
      ['Noor woke late and failed to acknowledge the page.', 'hindsight'],
      ['Noor restarted the pods and then forgot to re-enable the alert.', 'hindsight'],
      ['Noor tried to restart the pod but failed to notice the error.', 'hindsight'],
      ['The on-call engineer woke up and clearly missed the second page.', 'hindsight'],
    ])('"%s" is %s', (text, rule) => {
      expect(rulesIn(text, options)).toEqual([rule]);
    });

    it.each([
      'The pager woke Amara at 03:10.',
      'The pager woke Noor and failed to stop ringing.',
      'The page went to the on-call engineer and failed to reach the secondary.',
      'The canary passed and missed the regression.',
      'The scheduler skipped the node and ignored the taint.',
      'The on-call engineer opened the dashboard and clearly the graph showed the spike.',
      'Noor woke at 03:10 and acknowledged the page within two minutes.',
      'We rolled back and missed nothing.',
    ])('"%s" is silent', (text) => {
      expect(rulesIn(text, options)).toEqual([]);
    });
  });
});
