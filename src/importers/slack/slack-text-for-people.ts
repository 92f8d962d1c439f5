const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * Slack's message markup as people read it: `<@U123>` and `<@U123|sam>` → `@Sam Ito` (from the
 * export's users), `<#C123|incident>` → `#incident`, `<!here>` → `@here`,
 * `<https://x|label>` → `label (https://x)`, `<https://x>` → `https://x`, code fences kept as
 * plain text, and the three entities Slack escapes (`&lt; &gt; &amp;`) decoded last, so that
 * an escaped `&lt;@U1&gt;` stays the text it was. The original stays in the event's raw source.
 */
export function slackTextForPeople(text: string, users: ReadonlyMap<string, string>): string {
  const readable = text
    .replace(/```\n?([\s\S]*?)\n?```/g, '$1')
    .replace(/<([^<>]+)>/g, (whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) {
        const name = users.get(target.slice(1)) ?? label;
        return name ? `@${name}` : whole;
      }
      if (target.startsWith('#')) {
        return label ? `#${label}` : whole;
      }
      if (target.startsWith('!')) {
        return `@${(label ?? target.slice(1)).replace(/^subteam\^\w+$/, 'team')}`;
      }
      if (/^(https?|mailto):/i.test(target)) {
        const href = target.replace(/^mailto:/i, '');
        return label && label !== href ? `${label} (${href})` : href;
      }
      return whole;
    });
  return readable.replace(/&(lt|gt|amp);/g, (entity) => entities[entity] ?? entity);
}
