/**
 * A label cut to `max` characters as a reader counts them, the last an ellipsis: never between
 * the two halves of an emoji or other character outside the basic plane.
 */
export function shortenLabel(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}
