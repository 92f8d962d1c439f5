/**
 * The most events one import may propose. It bounds the work (and the transaction) one upload
 * can cause: a 1M-message Slack export fits, a larger one is refused with PAYLOAD_TOO_LARGE and
 * can be imported in parts (by channel, or with since/until).
 */
export const importEventsMax = 2_000_000;
