/**
 * A count with its noun, singular for exactly one: `plural(1, 'why')` → "1 why",
 * `plural(3, 'action item')` → "3 action items". Irregular plurals are passed in.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
