import { type FormEvent, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { whyNodeMarks } from '../../../domain/why-node.ts';
import type { TimelineEvent } from '../../api/parts-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import type { WhyNode } from '../../api/why-tree-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { EvidencePicker } from './EvidencePicker.tsx';
import { markLabels } from './why-labels.ts';

export interface WhyNodeValues {
  question: string;
  answer: string;
  category: string | null;
  mark: WhyNode['mark'];
  evidenceEventIds: string[];
  noEvidenceReason: string | null;
  acceptedRiskReason: string | null;
}

interface WhyNodeFormProps {
  taxonomy: PolicyView['factorTaxonomy'];
  events: TimelineEvent[];
  initial?: WhyNode;
  /** Prefilled question of a new child, e.g. "Why …?" of its parent's answer. */
  suggestedQuestion?: string;
  label: string;
  submitLabel: string;
  onSubmit: (values: WhyNodeValues) => Promise<unknown>;
  onCancel?: () => void;
}

const fieldLabels = {
  question: 'Question',
  answer: 'Answer',
  category: 'Category',
  evidenceEventIds: 'Evidence',
  noEvidenceReason: 'No evidence, because',
  acceptedRiskReason: 'Accepted risk reason',
};

const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** Adds or edits a why: question, answer, category, mark and evidence from the timeline. */
export function WhyNodeForm(props: WhyNodeFormProps) {
  const { taxonomy, events, initial, label, submitLabel, onSubmit, onCancel } = props;
  const [question, setQuestion] = useState(initial?.question ?? props.suggestedQuestion ?? '');
  const [answer, setAnswer] = useState(initial?.answer ?? '');
  const [category, setCategory] = useState(initial?.category ?? '');
  const [mark, setMark] = useState<WhyNode['mark']>(initial?.mark ?? 'none');
  const [evidence, setEvidence] = useState<string[]>(initial?.evidenceEventIds ?? []);
  const [noEvidence, setNoEvidence] = useState(initial?.noEvidenceReason ?? '');
  const [risk, setRisk] = useState(initial?.acceptedRiskReason ?? '');
  const submit = useSubmit();
  const isRootCause = mark === 'root_cause';

  const toggle = (id: string, on: boolean) =>
    setEvidence((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(async () => {
      await onSubmit({
        question,
        answer,
        category: category || null,
        mark,
        evidenceEventIds: evidence,
        noEvidenceReason: isRootCause ? orNull(noEvidence) : null,
        acceptedRiskReason: isRootCause ? orNull(risk) : null,
      });
      return true;
    });
    if (done && !initial) {
      setQuestion('');
      setAnswer('');
      setMark('none');
      setEvidence([]);
    }
  };

  return (
    <form className="form why-form" onSubmit={handleSubmit} aria-label={label}>
      <Field label="Question" required hint="Why did the previous answer happen?">
        <textarea
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          rows={2}
          required
          maxLength={limits.longTextMax}
        />
      </Field>
      <Field label="Answer" hint="Name conditions of the system and its context, not people.">
        <textarea
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          rows={2}
          maxLength={limits.longTextMax}
        />
      </Field>
      <div className="row">
        <Field label="Category">
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">None</option>
            {taxonomy.map((item) => (
              <option key={item.key} value={item.key}>
                {item.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Mark">
          <select value={mark} onChange={(e) => setMark(e.target.value as WhyNode['mark'])}>
            {whyNodeMarks.map((value) => (
              <option key={value} value={value}>
                {markLabels[value]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <EvidencePicker events={events} chosen={evidence} onToggle={toggle} />
      {isRootCause && (
        <>
          <Field
            label="No evidence, because"
            hint="Only when no timeline event supports this root cause: say why."
          >
            <input
              value={noEvidence}
              onChange={(e) => setNoEvidence(e.target.value)}
              maxLength={limits.shortTextMax}
            />
          </Field>
          <Field
            label="Accepted risk reason"
            hint="Only when no action item will address this root cause."
          >
            <input
              value={risk}
              onChange={(e) => setRisk(e.target.value)}
              maxLength={limits.shortTextMax}
            />
          </Field>
        </>
      )}
      <ProblemAlert problem={submit.problem} fieldLabels={fieldLabels} />
      <div className="actions">
        <button type="submit" disabled={submit.pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
