import { type FormEvent, lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { limits } from '../../../contracts/limits.ts';
import { blamelessApi } from '../../api/blameless-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import { type Postmortem, postmortemsApi } from '../../api/postmortems-api.ts';
import { publishingApi } from '../../api/publishing-api.ts';
import { Field } from '../../components/Field.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusNote } from '../../components/StatusNote.tsx';
import type { Abilities } from '../../lib/abilities.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { loadChunk } from '../../routing/chunk-load-error.ts';
import { StaleEditNotice } from '../live/StaleEditNotice.tsx';
import { RestrictedSectionField } from './RestrictedSectionField.tsx';

// The linter carries a part-of-speech tagger; load it only when someone edits the report.
const BlamelessHints = lazy(() =>
  loadChunk(import('./BlamelessHints.tsx')).then((module) => ({ default: module.BlamelessHints })),
);

interface ReportSectionsFormProps {
  postmortem: Postmortem;
  sections: PolicyView['reportSections'];
  canEdit: boolean;
  onSaved: (result: { data: Postmortem; abilities: Abilities }) => void;
  onReload: () => void;
}

/** One text area per report section of the policy; saves the changed sections together. */
export function ReportSectionsForm({
  postmortem,
  sections,
  canEdit,
  onSaved,
  onReload,
}: ReportSectionsFormProps) {
  const [texts, setTexts] = useState<Record<string, string>>(() => ({ ...postmortem.sections }));
  // What this edit started from: its save names that version, so that a change someone else
  // saved meanwhile is refused (412) rather than overwritten.
  const [base, setBase] = useState(() => ({
    version: postmortem.version,
    sections: { ...postmortem.sections },
  }));
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  // The server's linter context (participants, services, settings): hints match saved findings.
  const loadContext = useCallback(() => blamelessApi.list(postmortem.id), [postmortem.id]);
  const lintContext = useResource(loadContext).data?.context;
  const loadRestricted = useCallback(
    () => publishingApi.restrictedSections(postmortem.id),
    [postmortem.id],
  );
  const restricted = useResource(loadRestricted);
  const restrictedByKey = new Map((restricted.data?.data ?? []).map((r) => [r.key, r]));
  const changed = Object.fromEntries(
    sections
      .map((section) => [section.key, texts[section.key] ?? ''] as const)
      .filter(([key, text]) => text !== (base.sections[key] ?? '')),
  );
  const dirty = Object.keys(changed).length > 0;
  const stale = submit.problem?.code === 'VERSION_MISMATCH' || submit.problem?.status === 412;

  // Someone else's saved change arrives (live): sections this person has not touched show it at
  // once; an edit in progress keeps its base version.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the saved record changes
  useEffect(() => {
    const untouched = Object.fromEntries(
      Object.entries(postmortem.sections).filter(([key]) => !(key in changed)),
    );
    setTexts((current) => ({ ...current, ...untouched }));
    setBase((current) =>
      dirty
        ? { version: current.version, sections: { ...current.sections, ...untouched } }
        : { version: postmortem.version, sections: { ...postmortem.sections } },
    );
  }, [postmortem.version, postmortem.sections]);

  // Refused as stale: read the record again, so the notice shows what the other person saved.
  useEffect(() => {
    if (stale) {
      onReload();
    }
  }, [stale, onReload]);

  const save = async (version: number) => {
    setSaved('');
    const result = await submit.run(() =>
      postmortemsApi.update(postmortem.id, version, { sections: changed }),
    );
    if (result) {
      setSaved('Report saved.');
      setBase({ version: result.data.version, sections: { ...result.data.sections } });
      onSaved(result);
    }
  };

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await save(base.version);
  };

  const reapply = async () => {
    setBase((current) => ({ ...current, version: postmortem.version }));
    await save(postmortem.version);
  };

  const keepTheirs = () => {
    setTexts({ ...postmortem.sections });
    setBase({ version: postmortem.version, sections: { ...postmortem.sections } });
    submit.clear();
  };

  const fieldLabels = Object.fromEntries(sections.map((s) => [`sections.${s.key}`, s.label]));
  return (
    <form className="form" onSubmit={handleSubmit} aria-label="Report">
      <h2>Report</h2>
      {sections.map((section) => {
        const restrictedSection = restrictedByKey.get(section.key);
        if (restrictedSection) {
          return (
            <RestrictedSectionField
              key={section.key}
              postmortem={postmortem}
              section={section}
              restricted={restrictedSection}
              canEdit={canEdit}
              onSaved={(result) => {
                onSaved(result);
                void restricted.reload();
              }}
            />
          );
        }
        return (
          <div key={section.key}>
            <Field label={section.label} required={section.required}>
              <textarea
                value={texts[section.key] ?? ''}
                onChange={(e) => {
                  setSaved('');
                  setTexts((current) => ({ ...current, [section.key]: e.target.value }));
                }}
                rows={5}
                readOnly={!canEdit}
                maxLength={limits.sectionMax}
              />
            </Field>
            <Suspense fallback={null}>
              <BlamelessHints
                field={`sections.${section.key}`}
                text={texts[section.key] ?? ''}
                context={lintContext}
              />
            </Suspense>
          </div>
        );
      })}
      <ProblemAlert problem={submit.problem} onReload={onReload} fieldLabels={fieldLabels} />
      {stale && dirty && (
        <StaleEditNotice
          fields={sections
            .filter(
              (s) =>
                s.key in changed &&
                (postmortem.sections[s.key] ?? '') !== (base.sections[s.key] ?? ''),
            )
            .map((s) => ({
              key: s.key,
              label: s.label,
              theirs: postmortem.sections[s.key] ?? '',
              mine: texts[s.key] ?? '',
            }))}
          onReapply={() => void reapply()}
          onDiscard={keepTheirs}
          pending={submit.pending}
        />
      )}
      <StatusNote message={saved} />
      {canEdit && (
        <div className="actions">
          <button type="submit" disabled={submit.pending || !dirty}>
            {submit.pending ? 'Saving…' : 'Save report'}
          </button>
        </div>
      )}
    </form>
  );
}
