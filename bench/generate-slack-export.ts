/**
 * Bench input: an unzipped Slack export with `messages` messages — `channels.json`,
 * `users.json` and one folder per channel of day files (`YYYY-MM-DD.json`, 2–5k messages each,
 * dated in the workspace's zone, America/Los_Angeles in January: UTC−8). Messages carry string
 * `ts` ids, threads, edits, bot alerts and joins, like a real export. Deterministic.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from './generate-jsonl-log.ts';

const channelNames = [
  'incident-2041',
  'ops',
  'payments',
  'sre',
  'deploys',
  'alerts',
  'support',
  'general',
];
const phrases = [
  'seeing elevated 5xx on checkout, looking',
  'rolled back deploy 4812, watching the graphs',
  'payments-db connection pool is saturated again',
  'paging the database on-call',
  'error rate back under 1%, keeping the incident open for 30 min',
  'customer reports: cannot complete payment',
];

/** Writes the export under `dir`; resolves with the bytes and messages written. */
export async function generateSlackExport(
  dir: string,
  messages: number,
  seed = 7,
): Promise<{ bytes: number; messages: number; files: number }> {
  const random = seededRandom(seed);
  const users = Array.from({ length: 200 }, (_, i) => ({
    id: `U${String(100000 + i)}`,
    name: `user${i}`,
    real_name: `Responder ${i}`,
    tz: 'America/Los_Angeles',
    tz_offset: -28800,
    profile: { real_name: `Responder ${i}`, display_name: `user${i}` },
  }));
  const channels = channelNames.map((name, i) => ({
    id: `C${String(500000 + i)}`,
    name,
    created: 1767225600,
    members: [],
  }));
  let bytes = 0;
  const write = async (path: string, value: unknown) => {
    // Slack writes its export indented by four spaces.
    const text = JSON.stringify(value, null, 4);
    bytes += Buffer.byteLength(text);
    await writeFile(path, text);
  };
  await mkdir(dir, { recursive: true });
  await write(join(dir, 'users.json'), users);
  await write(join(dir, 'channels.json'), channels);
  const perChannel = Math.ceil(messages / channels.length);
  let total = 0;
  let files = 2;
  for (const channel of channels) {
    await mkdir(join(dir, channel.name), { recursive: true });
    let left = Math.min(perChannel, messages - total);
    for (let day = 0; left > 0; day += 1) {
      const count = Math.min(left, 2000 + Math.floor(random() * 3000));
      // Local midnight in Los Angeles (UTC−8 until 8 March 2026) is 08:00 UTC.
      const start = Date.UTC(2026, 0, 1 + day, 8);
      const step = Math.floor(86_400_000 / (count + 1));
      const dayMessages = Array.from({ length: count }, (_, i) => {
        const ms = start + step * (i + 1);
        const ts = `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000 + (i % 1000)).padStart(6, '0')}`;
        const who = users[Math.floor(random() * users.length)];
        const user = who?.id ?? 'U100000';
        const roll = random();
        if (roll < 0.02) {
          return {
            type: 'message',
            subtype: 'channel_join',
            user,
            text: `<@${user}> has joined the channel`,
            ts,
          };
        }
        if (roll < 0.07) {
          return {
            type: 'message',
            subtype: 'bot_message',
            bot_id: 'B0001',
            username: 'alertmanager',
            text: '[FIRING:1] HighErrorRate checkout',
            ts,
          };
        }
        const text = phrases[Math.floor(random() * phrases.length)] ?? '';
        const profile = who?.profile;
        // A current export's user message: client id, team ids, the author's profile, rich-text blocks.
        const message: Record<string, unknown> = {
          client_msg_id: `${(ms >>> 0).toString(16)}-0000-4000-8000-${String(i).padStart(12, '0')}`,
          type: 'message',
          text,
          user,
          ts,
          team: 'T0001',
          user_team: 'T0001',
          source_team: 'T0001',
          user_profile: {
            avatar_hash: 'g6e7071ea93d',
            image_72:
              'https://secure.gravatar.com/avatar/6e7071ea93d29d3d4aa327fe4a604fd8.jpg?s=72',
            first_name: 'Responder',
            real_name: profile?.real_name ?? '',
            display_name: profile?.display_name ?? '',
            team: 'T0001',
            name: profile?.display_name ?? '',
            is_restricted: false,
            is_ultra_restricted: false,
          },
          blocks: [
            {
              type: 'rich_text',
              block_id: ts.slice(-5),
              elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text }] }],
            },
          ],
        };
        if (roll < 0.12) {
          message.edited = { user, ts: `${Math.floor(ms / 1000) + 30}.000000` };
        }
        if (roll > 0.9 && i > 0) {
          message.thread_ts = `${Math.floor((ms - step) / 1000)}.${String(((ms - step) % 1000) * 1000 + ((i - 1) % 1000)).padStart(6, '0')}`;
        }
        return message;
      });
      const date = new Date(start).toISOString().slice(0, 10);
      await write(join(dir, channel.name, `${date}.json`), dayMessages);
      files += 1;
      left -= count;
      total += count;
    }
  }
  return { bytes, messages: total, files };
}
