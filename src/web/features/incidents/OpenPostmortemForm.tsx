import { type FormEvent, useState } from 'react';
import type { Incident } from '../../api/incidents-api.ts';
import { postmortemsApi } from '../../api/postmortems-api.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { navigate } from '../../routing/location-store.ts';
import { useSession } from '../session/session-context.ts';
import { MemberPicker } from './MemberPicker.tsx';

const fieldLabels = { restricted: 'Restricted', memberIds: 'Members' };

/**
 * Opens the incident's postmortem, restricted from the start if the person asks (the API lets
 * only admins restrict a review of an open incident, and says so here when it refuses). The
 * person opening it stays among the members, as the API keeps them; a restricted incident's
 * review is restricted whatever is ticked, its members included.
 */
export function OpenPostmortemForm({ incident }: { incident: Incident }) {
  const { session } = useSession();
  const me = session.user.id;
  const [restricted, setRestricted] = useState(incident.restricted);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const open = useSubmit();

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await open.run(() =>
      postmortemsApi.create({
        incidentIds: [incident.id],
        ...(restricted ? { restricted: true, memberIds: [...new Set([me, ...memberIds])] } : {}),
      }),
    );
    if (created) {
      navigate(`/postmortems/${created.data.id}`);
    }
  };

  return (
    <form onSubmit={handleSubmit} aria-label="Open a postmortem">
      <Checkbox
        label={
          incident.restricted
            ? 'Restricted, like its incident (the incident’s members are members)'
            : 'Restricted from the start (only its members and admins can see it)'
        }
        checked={restricted}
        disabled={incident.restricted}
        onChange={setRestricted}
      />
      {restricted && <MemberPicker selected={memberIds} onChange={setMemberIds} keptId={me} />}
      <ProblemAlert problem={open.problem} fieldLabels={fieldLabels} />
      <div className="actions">
        <button type="submit" disabled={open.pending}>
          {open.pending ? 'Opening…' : 'Open postmortem'}
        </button>
      </div>
    </form>
  );
}
