import { type Participant, participantsApi } from '../../api/parts-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { can } from '../../lib/abilities.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { useSession } from '../session/session-context.ts';
import { postmortemLabels } from './labels.ts';
import { ParticipantForm } from './ParticipantForm.tsx';
import { usePartList } from './use-part-list.ts';

interface SectionProps {
  postmortemId: string;
  canAdd: boolean;
  onChanged: () => void;
}

/** Who takes part in the review, by role; reviewers approve the report here. */
export function ParticipantsSection({ postmortemId, canAdd, onChanged }: SectionProps) {
  const { session } = useSession();
  const { resource, rows, rowAction, refresh } = usePartList(
    participantsApi,
    postmortemId,
    onChanged,
  );

  if (!resource.data) {
    return <LoadState problem={resource.problem} onRetry={resource.reload} />;
  }
  const act = async (action: () => Promise<unknown>) => {
    if (await rowAction.run(action)) {
      await refresh();
    }
  };
  const setApproved = (participant: Participant, approved: boolean) =>
    act(() => participantsApi.update(participant.id, participant.version, { approved }));
  const remove = (participant: Participant) => {
    if (window.confirm(`Remove ${participant.name} from this postmortem?`)) {
      void act(() => participantsApi.remove(participant.id, participant.version));
    }
  };

  return (
    <>
      <h2>Participants</h2>
      {rows.length === 0 ? (
        <p className="empty">Nobody has been added yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Approval</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ data: participant, abilities }) => (
              <tr key={participant.id}>
                <td>{participant.name}</td>
                <td>{postmortemLabels.participantRole[participant.role]}</td>
                <td>
                  {participant.role !== 'reviewer' ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      {participant.approvedAt
                        ? `Approved ${formatInstant(participant.approvedAt)}`
                        : 'Not approved yet'}
                      {can(abilities, 'approve') && (
                        <button
                          type="button"
                          className="link"
                          disabled={rowAction.pending}
                          onClick={() => setApproved(participant, participant.approvedAt === null)}
                        >
                          {participant.approvedAt ? 'Withdraw approval' : 'Approve'}
                          <span className="visually-hidden"> for {participant.name}</span>
                        </button>
                      )}
                    </>
                  )}
                </td>
                <td className="row-actions">
                  {can(abilities, 'remove') && (
                    <button
                      type="button"
                      className="link danger"
                      onClick={() => remove(participant)}
                    >
                      Remove<span className="visually-hidden"> {participant.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemAlert problem={rowAction.problem} onReload={resource.reload} />
      {canAdd && (
        <section className="card" aria-labelledby="add-participant-heading">
          <h3 id="add-participant-heading">Add a participant</h3>
          <ParticipantForm
            me={session.user}
            onSubmit={async (values) => {
              await participantsApi.create(postmortemId, values);
              await refresh();
            }}
          />
        </section>
      )}
    </>
  );
}
