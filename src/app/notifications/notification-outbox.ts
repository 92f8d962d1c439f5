import type { JobQueue } from '../../storage/job-queue.ts';
import type { NotificationChannels } from './notification-channels.ts';

/** Where notifications go out: the queue that delivers them and the configured channels. */
export interface NotificationOutbox {
  queue: JobQueue;
  channels: NotificationChannels;
}
