import type { AppDeps } from '../../app/app-deps.ts';
import { deliverNotification } from '../../app/notifications/deliver-notification.ts';
import type { NotificationChannels } from '../../app/notifications/notification-channels.ts';
import type { NotificationOutbox } from '../../app/notifications/notification-outbox.ts';
import { scanReminders } from '../../app/notifications/scan-reminders.ts';
import { type JobQueue, type JobQueueOptions, startJobQueue } from '../../storage/job-queue.ts';
import type { DatabaseHandle } from '../../storage/open-database.ts';

/** The running follow-up jobs of one Debrief instance. */
export interface FollowUpJobs {
  queue: JobQueue;
  /** What use cases notify through (`AppDeps.outbox`). */
  outbox: NotificationOutbox;
  stop(options?: { graceful: boolean }): Promise<void>;
}

/** The follow-up queue, started, before its workers: sends are stored, nothing runs yet. */
export interface StartedFollowUpQueue extends FollowUpJobs {
  /** Starts the workers and the hourly reminder scan. */
  work(): Promise<void>;
}

/**
 * Starts the job queue the follow-ups go through, without its workers: what the use cases
 * need to notify. The server starts the workers once it answers (their schedule's cron
 * parsing alone costs a tenth of a second of start-up), see {@link startFollowUpJobs}.
 */
export async function startFollowUpQueue(
  handle: DatabaseHandle,
  deps: AppDeps,
  channels: NotificationChannels,
  options: JobQueueOptions = {},
): Promise<StartedFollowUpQueue> {
  const queue = await startJobQueue(handle, options);
  const outbox = { queue, channels };
  const jobDeps = { ...deps, outbox };
  const work = async () => {
    await queue.work('deliver-notification', async (data) => {
      await deliverNotification(jobDeps, channels, String(data.id));
    });
    await queue.work('scan-reminders', async () => {
      await scanReminders(jobDeps, queue, channels);
    });
    if (options.schedule ?? true) {
      await queue.scheduleHourly('scan-reminders');
    }
  };
  return { queue, outbox, work, stop: (stopOptions) => queue.stop(stopOptions) };
}

/**
 * Starts the job queue with the follow-up workers: the reminder scan (hourly, once across all
 * instances) and the delivery of each notification (retried with backoff).
 */
export async function startFollowUpJobs(
  handle: DatabaseHandle,
  deps: AppDeps,
  channels: NotificationChannels,
  options: JobQueueOptions = {},
): Promise<FollowUpJobs> {
  const { work, ...jobs } = await startFollowUpQueue(handle, deps, channels, options);
  await work();
  return jobs;
}
