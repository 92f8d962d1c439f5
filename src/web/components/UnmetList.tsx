import type { z } from 'zod';
import type { unmetConditionSchema } from '../../contracts/unmet-condition.ts';

type UnmetCondition = z.infer<typeof unmetConditionSchema>;

/** The conditions that stand between a postmortem and its next phase. */
export function UnmetList({ items, label }: { items: UnmetCondition[]; label: string }) {
  return (
    <ul className="unmet-list" aria-label={label}>
      {items.map((item, index) => (
        <li key={`${item.code}:${item.subject?.id ?? index}`} data-code={item.code}>
          {item.message}
        </li>
      ))}
    </ul>
  );
}
