import { DomainError } from '../../domain/errors.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import type { PublicationRefusal } from '../../domain/publication.ts';
import { isNamedApprover } from '../../domain/publication.ts';
import { defaultPublishingPolicy } from '../../domain/publishing-policy.ts';
import type { User } from '../../domain/user.ts';
import type { Report } from '../../reports/build-report.ts';
import {
  renderPublicationHtml,
  renderRedactionPreview,
} from '../../reports/publication/render-publication.ts';
import type { LocatedRedaction } from '../../reports/redaction/redact-report.ts';
import { publicationsRepository } from '../../storage/repositories/publications-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import { buildPublication } from './build-publication.ts';
import { assertPublishable, findPublicationRefusals } from './publication-refusals.ts';

/** Where a postmortem's public version stands, for people who may read the postmortem. */
export interface PublicVersionState {
  /** The redacted preview waiting for approval, if one was prepared. */
  draft: {
    version: number;
    previewHtml: string;
    redactions: LocatedRedaction[];
    postmortemRevision: number;
    preparedAt: Date;
    /** The postmortem changed since the preview was prepared. */
    stale: boolean;
  } | null;
  /** The approved snapshot anyone can read, if there is one. */
  published: {
    version: number;
    slug: string;
    approvedById: string | null;
    publishedAt: Date | null;
    postmortemRevision: number;
    /** The postmortem changed since: the public page does not show those changes. */
    stale: boolean;
  } | null;
  /** Why the viewer could not approve the draft now (empty: they could). */
  approvalRefusals: PublicationRefusal[];
}

const slugFor = (deps: AppDeps) => deps.newId().replaceAll('-', '').slice(0, 20);

const approverOf = (deps: AppDeps, account: Pick<User, 'email' | 'role'>) =>
  isNamedApprover(account, (deps.policy.publishing ?? defaultPublishingPolicy).publicApprovers);

async function stateOf(
  deps: AppDeps,
  account: Pick<User, 'id' | 'email' | 'role'>,
  postmortem: Postmortem,
): Promise<PublicVersionState> {
  const [draft, published, internal] = [
    await publicationsRepository.find(deps.db, postmortem.id, 'public', 'draft'),
    await publicationsRepository.find(deps.db, postmortem.id, 'public', 'published'),
    await publicationsRepository.find(deps.db, postmortem.id, 'internal', 'published'),
  ];
  return {
    draft: draft
      ? {
          version: draft.version,
          previewHtml: String(draft.document.previewHtml ?? ''),
          redactions: draft.redactions as LocatedRedaction[],
          postmortemRevision: draft.postmortemRevision,
          preparedAt: draft.createdAt,
          stale: draft.postmortemRevision !== postmortem.revision,
        }
      : null,
    published: published
      ? {
          version: published.version,
          slug: published.slug,
          approvedById: published.approvedById,
          publishedAt: published.publishedAt,
          postmortemRevision: published.postmortemRevision,
          stale: published.postmortemRevision !== postmortem.revision,
        }
      : null,
    approvalRefusals: await findPublicationRefusals(deps, postmortem, 'public', {
      isNamedApprover: approverOf(deps, account),
      hasPreview: draft !== undefined,
      publishedInternally: internal !== undefined,
    }),
  };
}

/** The public version's draft, published snapshot and what stands before approval. */
export async function getPublicVersion(
  deps: AppDeps,
  account: Pick<User, 'id' | 'email' | 'role'>,
  postmortemId: string,
): Promise<PublicVersionState> {
  return inTransaction(deps, async (tx) =>
    stateOf(tx, account, await loadPostmortemFor(tx, account, postmortemId, 'postmortem.read')),
  );
}

/**
 * Prepares (or refreshes) the redacted preview of the public version from the postmortem as it
 * is now. It replaces an earlier draft; the published version, if any, stays as it was.
 */
export async function preparePublicVersion(
  deps: AppDeps,
  account: Pick<User, 'id' | 'email' | 'role'>,
  postmortemId: string,
): Promise<PublicVersionState> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, account, postmortemId, 'postmortem.update');
    const built = await buildPublication(tx, account, postmortem, 'public');
    const published = await publicationsRepository.find(tx.db, postmortemId, 'public', 'published');
    const existing = await publicationsRepository.find(tx.db, postmortemId, 'public', 'draft');
    const draft = await publicationsRepository.put(tx.db, {
      id: existing?.id ?? tx.newId(),
      postmortemId,
      audience: 'public',
      status: 'draft',
      slug: published?.slug ?? existing?.slug ?? slugFor(tx),
      title: built.report.title,
      document: {
        report: built.report,
        feedSummary: built.feedSummary,
        previewHtml: renderRedactionPreview(built.marked ?? built.report),
      },
      html: '',
      redactions: built.redactions,
      postmortemRevision: postmortem.revision,
      createdById: account.id,
      approvedById: null,
      publishedAt: null,
    });
    await recordAudit(tx, {
      actorId: account.id,
      action: 'postmortem.public_version_prepared',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { draftVersion: draft.version, redactions: built.redactions.length },
    });
    return stateOf(tx, account, postmortem);
  });
}

/**
 * Approves exactly the previewed draft (`expectedDraftVersion`, from `If-Match`) and publishes
 * it at the public address: a snapshot, which later edits of the postmortem do not reach until a
 * new preview is approved. PUBLICATION_REFUSED lists every reason it cannot be yet.
 */
export async function approvePublicVersion(
  deps: AppDeps,
  account: Pick<User, 'id' | 'email' | 'role'>,
  postmortemId: string,
  expectedDraftVersion: number,
): Promise<PublicVersionState> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, account, postmortemId, 'postmortem.read');
    const draft = await publicationsRepository.find(tx.db, postmortemId, 'public', 'draft');
    const internal = await publicationsRepository.find(
      tx.db,
      postmortemId,
      'internal',
      'published',
    );
    assertPublishable(
      await findPublicationRefusals(tx, postmortem, 'public', {
        isNamedApprover: approverOf(tx, account),
        hasPreview: draft !== undefined,
        publishedInternally: internal !== undefined,
      }),
    );
    if (!draft) {
      throw new DomainError('NOT_FOUND', 'No public preview to approve.');
    }
    if (draft.version !== expectedDraftVersion) {
      throw new DomainError('VERSION_MISMATCH', 'The preview was prepared again meanwhile.', {
        details: { currentVersion: draft.version, expectedVersion: expectedDraftVersion },
      });
    }
    const publishedAt = tx.clock();
    const report = draft.document.report as Report;
    const existing = await publicationsRepository.find(tx.db, postmortemId, 'public', 'published');
    const published = await publicationsRepository.put(tx.db, {
      id: existing?.id ?? tx.newId(),
      postmortemId,
      audience: 'public',
      status: 'published',
      slug: draft.slug,
      title: draft.title,
      document: { report, feedSummary: draft.document.feedSummary ?? '' },
      html: renderPublicationHtml(report, { audience: 'public', publishedAt }),
      redactions: draft.redactions,
      postmortemRevision: draft.postmortemRevision,
      createdById: draft.createdById,
      approvedById: account.id,
      publishedAt,
    });
    await publicationsRepository.deleteAt(tx.db, draft.id, draft.version);
    await recordAudit(tx, {
      actorId: account.id,
      action: 'postmortem.public_version_approved',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: {
        slug: published.slug,
        revision: draft.postmortemRevision,
        redactions: (draft.redactions as unknown[]).length,
      },
    });
    return stateOf(tx, account, postmortem);
  });
}

/** Takes the public version offline (named approvers and admins), with an audit event. */
export async function withdrawPublicVersion(
  deps: AppDeps,
  account: Pick<User, 'id' | 'email' | 'role'>,
  postmortemId: string,
  expectedVersion: number,
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await loadPostmortemFor(tx, account, postmortemId, 'postmortem.read');
    if (!(account.role === 'admin' || approverOf(tx, account))) {
      throw new DomainError('FORBIDDEN', 'Only a named approver or an admin withdraws it.');
    }
    const published = await publicationsRepository.find(tx.db, postmortemId, 'public', 'published');
    if (!published) {
      throw new DomainError('NOT_FOUND', 'There is no public version.');
    }
    await publicationsRepository.deleteAt(tx.db, published.id, expectedVersion);
    await recordAudit(tx, {
      actorId: account.id,
      action: 'postmortem.public_version_withdrawn',
      subjectType: 'postmortem',
      subjectId: postmortemId,
      postmortemId,
      data: { slug: published.slug },
    });
  });
}
