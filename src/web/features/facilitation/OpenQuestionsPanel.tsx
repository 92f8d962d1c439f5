import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { openQuestionKinds } from '../../../domain/open-question.ts';
import { type OpenQuestion, openQuestionsApi } from '../../api/facilitation-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { can } from '../../lib/abilities.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { usePartList } from '../postmortems/use-part-list.ts';
import { facilitationLabels } from './labels.ts';
import { ResolveQuestionForm } from './ResolveQuestionForm.tsx';

interface OpenQuestionsPanelProps {
  postmortemId: string;
  canAdd: boolean;
  onChanged: () => void;
}

/** Captures open questions and disagreements during the meeting, and resolves them. */
export function OpenQuestionsPanel({ postmortemId, canAdd, onChanged }: OpenQuestionsPanelProps) {
  const { resource, rows, rowAction, refresh } = usePartList(
    openQuestionsApi,
    postmortemId,
    onChanged,
  );
  const [text, setText] = useState('');
  const [kind, setKind] = useState<OpenQuestion['kind']>('question');
  const [resolving, setResolving] = useState<string | null>(null);
  const add = useSubmit();

  if (!resource.data) {
    return <LoadState problem={resource.problem} onRetry={resource.reload} />;
  }
  const handleAdd = async (event: FormEvent) => {
    event.preventDefault();
    if (await add.run(() => openQuestionsApi.create(postmortemId, { text, kind }))) {
      setText('');
      await refresh();
    }
  };
  const act = async (action: () => Promise<unknown>) => {
    if (await rowAction.run(action)) {
      setResolving(null);
      await refresh();
    }
  };

  return (
    <section className="card" aria-labelledby="open-questions-heading">
      <h3 id="open-questions-heading">Open questions and disagreements</h3>
      {rows.length === 0 ? (
        <p className="empty">Nothing captured yet.</p>
      ) : (
        <ul className="open-questions">
          {rows.map(({ data: q, abilities }) => (
            <li key={q.id}>
              <span className="tag">{facilitationLabels.openQuestionKind[q.kind]}</span>{' '}
              <span className={q.status === 'resolved' ? 'muted' : undefined}>{q.text}</span>
              {q.status === 'resolved' && (
                <>
                  <span className="tag tag-ok">Resolved</span>
                  <p className="hint">{q.resolution}</p>
                </>
              )}
              {can(abilities, 'update') && q.status === 'open' && resolving !== q.id && (
                <button type="button" className="link" onClick={() => setResolving(q.id)}>
                  Resolve<span className="visually-hidden"> “{q.text}”</span>
                </button>
              )}
              {can(abilities, 'update') && q.status === 'resolved' && (
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    act(() => openQuestionsApi.update(q.id, q.version, { status: 'open' }))
                  }
                >
                  Re-open<span className="visually-hidden"> “{q.text}”</span>
                </button>
              )}
              {resolving === q.id && (
                <ResolveQuestionForm
                  pending={rowAction.pending}
                  onCancel={() => setResolving(null)}
                  onResolve={(resolution) =>
                    act(() =>
                      openQuestionsApi.update(q.id, q.version, { status: 'resolved', resolution }),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert problem={rowAction.problem} onReload={resource.reload} />
      {canAdd && (
        <form className="form inline-form" onSubmit={handleAdd} aria-label="Capture a question">
          <label>
            <span className="visually-hidden">Kind</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as OpenQuestion['kind'])}>
              {openQuestionKinds.map((k) => (
                <option key={k} value={k}>
                  {facilitationLabels.openQuestionKind[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            <span className="visually-hidden">Question or disagreement</span>
            <input
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={limits.longTextMax}
              placeholder="What are we still unsure or divided about?"
              required
            />
          </label>
          <button type="submit" disabled={add.pending || text.trim() === ''}>
            Capture
          </button>
        </form>
      )}
      <ProblemAlert problem={add.problem} fieldLabels={{ text: 'Question', kind: 'Kind' }} />
    </section>
  );
}
