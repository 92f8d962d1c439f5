import type { Policy } from '../domain/policy.ts';
import type { Database } from '../storage/database.ts';
import type { NotificationOutbox } from './notifications/notification-outbox.ts';
import type { PolicySource } from './policy-source.ts';

/** What every use case needs from the rim: the database, the clock, ids and the policy. */
export interface AppDeps {
  db: Database;
  clock: () => Date;
  newId: () => string;
  policy: Policy;
  /** Where the policy came from, for the admins' policy page; absent means built in. */
  policySource?: PolicySource;
  /**
   * The job queue and channels notifications go out by (`notifyPerson`); absent outside the
   * server (tests, the CLI), where notices stay in the app.
   */
  outbox?: NotificationOutbox;
  /**
   * This process's instance lease id (`storage/instance-lease.ts`), stamped on the import jobs it
   * runs so that another instance's start-up recovery leaves them alone; absent in tests.
   */
  instanceId?: string;
}
