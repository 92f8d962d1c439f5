import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { type ParticipantRole, participantRoles } from '../../../domain/participant.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { postmortemLabels } from './labels.ts';

/** Adds a person to the review with their role. */
export function ParticipantForm({
  me,
  onSubmit,
}: {
  /** The signed-in user, who may add themselves (linked to their account, so they can approve). */
  me: { id: string; name: string };
  onSubmit: (values: {
    name: string;
    role: ParticipantRole;
    userId: string | null;
  }) => Promise<unknown>;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<ParticipantRole>('engineering');
  const [isMe, setIsMe] = useState(false);
  const submit = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(async () => {
      await onSubmit({ name, role, userId: isMe ? me.id : null });
      return true;
    });
    if (done) {
      setName('');
      setIsMe(false);
    }
  };

  return (
    <form className="form" onSubmit={handleSubmit} aria-label="Add participant">
      <div className="row">
        <Field label="Name" required>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={limits.nameMax}
          />
        </Field>
        <Field label="Role">
          <select value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            {participantRoles.map((value) => (
              <option key={value} value={value}>
                {postmortemLabels.participantRole[value]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Checkbox
        label="This is me (linked to my account)"
        checked={isMe}
        onChange={(checked) => {
          setIsMe(checked);
          if (checked) {
            setName(me.name);
          }
        }}
      />
      <ProblemAlert problem={submit.problem} fieldLabels={{ name: 'Name', role: 'Role' }} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          Add participant
        </button>
      </div>
    </form>
  );
}
