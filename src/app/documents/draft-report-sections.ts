import { isBlank } from '../../domain/postmortem-guards.ts';
import type { Actor } from '../../domain/user.ts';
import { buildReport } from '../../reports/build-report.ts';
import { draftReport } from '../../reports/draft-report.ts';
import { restrictedSectionsRepository } from '../../storage/repositories/restricted-sections-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { loadBlamelessLinter } from '../blameless/load-blameless-linter.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { updatePostmortem } from '../postmortems/update-postmortem.ts';
import { loadReportData } from './load-report-data.ts';

/**
 * Drafts the report from the data (`draftReport`) and writes the draft into the template's
 * prose sections that are still empty — never over what a person wrote — in one transaction
 * that holds the postmortem's row, so a concurrent edit cannot be overwritten. Timeline texts
 * are quoted only when the blameless linter finds nothing in them. Returns the filled keys.
 */
export async function draftReportSections(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<{ filled: string[]; sections: Record<string, string> }> {
  const { findBlamelessFindings } = await loadBlamelessLinter();
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const data = await loadReportData(tx, actor, postmortemId);
    const people = data.participants.map((p) => p.name);
    const services = [...new Set(data.incidents.flatMap((i) => i.services))];
    const acceptText = (text: string) =>
      findBlamelessFindings([{ field: 'draft', text }], {
        people,
        services,
        settings: tx.policy.blameless,
      }).length === 0;
    // Drafted from the open sections only, and never into a restricted one: a draft is open text.
    const restricted = new Set(
      (await restrictedSectionsRepository.listHeads(tx.db, postmortemId)).map((s) => s.key),
    );
    const draft = draftReport(
      buildReport({ ...data, postmortem: { ...data.postmortem, sections: postmortem.sections } }),
      { acceptText },
    );
    const prose = new Set(
      data.template.sections.filter((s) => s.block === 'text').map((s) => s.key),
    );
    const fill = Object.fromEntries(
      Object.entries(draft).filter(
        ([key]) => prose.has(key) && !restricted.has(key) && isBlank(postmortem.sections[key]),
      ),
    );
    if (Object.keys(fill).length === 0) {
      return { filled: [], sections: postmortem.sections };
    }
    const updated = await updatePostmortem(tx, actor, postmortem.id, postmortem.version, {
      sections: fill,
    });
    return { filled: Object.keys(fill), sections: updated.sections };
  });
}
