/**
 * The words of the search bench's generated postmortems, commonest first: SRE words, then 1,600
 * synthetic ones. The generator draws the word of rank r with a probability falling as r^-2/3 (a
 * few words in most postmortems, most words in few), so a query picks a word of a known
 * frequency by its rank.
 */
const sreWords = `latency timeout retry pool connection database replica failover deploy rollback
  canary config certificate expiry dns resolver cache eviction queue backlog consumer lag
  kafka partition leader election disk pressure memory leak oom kill cpu throttling autoscaler
  quota limit rate throttle gateway proxy loadbalancer healthcheck probe readiness liveness
  pager alert dashboard runbook escalation oncall incident mitigation outage degradation checkout
  payments search auth session token login storage bucket snapshot backup restore migration
  schema index vacuum bloat deadlock lock contention thread starvation garbage collection pause
  network partition packet loss jitter tls handshake cipher ingress egress firewall vpn bgp route
  flapping cron scheduler batch job stuck orphan worker saturation headroom capacity forecast`
  .split(/\s+/)
  .filter(Boolean);

const syllables = ['ka', 'lo', 'mi', 'ner', 'tos', 'vra', 'qui', 'dex', 'sol', 'bar', 'fen', 'gor'];

function syntheticWords(count: number): string[] {
  const words: string[] = [];
  for (const a of syllables) {
    for (const b of syllables) {
      for (const c of syllables) {
        words.push(`${a}${b}${c}`);
      }
    }
  }
  return words.slice(0, count);
}

/** Every word, commonest first. */
export const searchVocabulary: readonly string[] = [...sreWords, ...syntheticWords(1600)];

/** The word of a frequency rank (0 is the commonest). */
export const wordAt = (rank: number): string => searchVocabulary[rank] ?? 'latency';
