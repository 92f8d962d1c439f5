import { type FormEvent, useState } from 'react';
import { Field } from '../../components/Field.tsx';
import { type Anchor, type AnchorType, anchorTypeLabels } from './use-comment-anchors.ts';

const choiceLabels: Record<AnchorType, string> = {
  postmortem: 'The postmortem as a whole',
  section: 'A report section',
  timeline_event: 'A timeline event',
  why_node: 'A why-node',
  action_item: 'An action item',
};

interface NewThreadFormProps {
  /** The anchors of a kind; `undefined` while they load. */
  anchorsOf: (type: AnchorType) => Anchor[] | undefined;
  /** Tells the panel which kind is being chosen, so that its anchors load. */
  onTypeChange: (type: AnchorType) => void;
  pending: boolean;
  onStart: (target: {
    targetType: AnchorType;
    targetId?: string;
    body: string;
  }) => Promise<boolean>;
}

/** Starts a thread on the postmortem, a report section, a timeline event, a why-node or an item. */
export function NewThreadForm({ anchorsOf, onTypeChange, pending, onStart }: NewThreadFormProps) {
  const [type, setType] = useState<AnchorType>('postmortem');
  const [anchorId, setAnchorId] = useState('');
  const [body, setBody] = useState('');
  const anchors = anchorsOf(type);
  const needsAnchor = type !== 'postmortem';

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const target = needsAnchor ? { targetType: type, targetId: anchorId } : { targetType: type };
    if (await onStart({ ...target, body })) {
      setBody('');
    }
  };

  return (
    <form className="form" onSubmit={start} aria-label="New comment">
      <Field label="On">
        <select
          value={type}
          onChange={(e) => {
            const next = e.target.value as AnchorType;
            setType(next);
            setAnchorId('');
            onTypeChange(next);
          }}
        >
          {(Object.keys(anchorTypeLabels) as AnchorType[]).map((t) => (
            <option key={t} value={t}>
              {choiceLabels[t]}
            </option>
          ))}
        </select>
      </Field>
      {needsAnchor && (
        <Field label={`Which ${anchorTypeLabels[type]}`}>
          <select value={anchorId} onChange={(e) => setAnchorId(e.target.value)}>
            <option value="">
              {anchors === undefined
                ? 'Loading…'
                : anchors.length === 0
                  ? `No ${anchorTypeLabels[type]} yet`
                  : 'Choose one'}
            </option>
            {(anchors ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Comment (mention someone with @their e-mail)">
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={2} />
      </Field>
      <div className="actions">
        <button type="submit" disabled={!body.trim() || (needsAnchor && !anchorId) || pending}>
          Comment
        </button>
      </div>
    </form>
  );
}
