/** One field of a stale edit: what the other person saved, and what this person typed. */
export interface StaleField {
  key: string;
  label: string;
  theirs: string;
  mine: string;
}

interface StaleEditNoticeProps {
  fields: StaleField[];
  onReapply: () => void;
  onDiscard: () => void;
  pending: boolean;
}

/**
 * After a 412: someone saved first. Shows their text beside this person's for each field both
 * touched, and lets them save theirs over it on purpose or take the other person's.
 */
export function StaleEditNotice({ fields, onReapply, onDiscard, pending }: StaleEditNoticeProps) {
  return (
    <section className="card" aria-labelledby="stale-edit-heading" data-testid="stale-edit">
      <h3 id="stale-edit-heading">Someone else saved first</h3>
      {fields.length === 0 ? (
        <p>They changed other parts of the report; yours can be saved on top.</p>
      ) : (
        <dl>
          {fields.map((field) => (
            <div key={field.key}>
              <dt>{field.label}</dt>
              <dd>
                <p>
                  <strong>Their version:</strong> <span data-testid="theirs">{field.theirs}</span>
                </p>
                <p>
                  <strong>Your version:</strong> {field.mine}
                </p>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <div className="actions">
        <button type="button" onClick={onReapply} disabled={pending}>
          Re-apply my changes
        </button>
        <button type="button" onClick={onDiscard} disabled={pending}>
          Keep theirs
        </button>
      </div>
    </section>
  );
}
