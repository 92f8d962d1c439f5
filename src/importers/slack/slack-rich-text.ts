type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const maxDepth = 8;

function element(value: unknown, depth: number): string {
  if (!isRecord(value) || depth > maxDepth) {
    return '';
  }
  const text = typeof value.text === 'string' ? value.text : '';
  switch (value.type) {
    case 'text':
      return text;
    case 'link':
      return text || (typeof value.url === 'string' ? value.url : '');
    case 'user':
      return typeof value.user_id === 'string' ? `<@${value.user_id}>` : '';
    case 'channel':
      return typeof value.channel_id === 'string' ? `<#${value.channel_id}>` : '';
    case 'emoji':
      return typeof value.name === 'string' ? `:${value.name}:` : '';
    case 'rich_text_list':
      return children(value, depth, '\n');
    default:
      return children(value, depth, value.type === 'rich_text' ? '\n' : '');
  }
}

function children(value: Json, depth: number, separator: string): string {
  if (!Array.isArray(value.elements)) {
    return '';
  }
  const parts: unknown[] = value.elements;
  return parts.map((part) => element(part, depth + 1)).join(separator);
}

/**
 * The plain text of a message's `blocks` (Events API rich_text): text runs, links, mentions
 * as `<@U…>` (resolved later like any mention) and emoji names; other block kinds add nothing.
 */
export function richTextOf(blocks: unknown): string {
  if (!Array.isArray(blocks)) {
    return '';
  }
  const list: unknown[] = blocks;
  return list
    .filter((block) => isRecord(block) && block.type === 'rich_text')
    .map((block) => element(block, 0))
    .join('\n')
    .trim();
}
