import { lazy, Suspense } from 'react';
import type { Incident } from '../../api/incidents-api.ts';
import type { PolicyView } from '../../api/policy-api.ts';
import type { Postmortem } from '../../api/postmortems-api.ts';
import { Tabs } from '../../components/Tabs.tsx';
import type { Abilities } from '../../lib/abilities.ts';
import { loadChunk } from '../../routing/chunk-load-error.ts';
import { navigate } from '../../routing/location-store.ts';
import { useLocation } from '../../routing/use-location.ts';
import { PersonalAccountsSection } from '../personal-accounts/PersonalAccountsSection.tsx';
import { useSession } from '../session/session-context.ts';
import { TimelineView } from '../timeline/TimelineView.tsx';
import { ActionItemsSection } from './ActionItemsSection.tsx';
import { BlamelessFindingsPanel } from './BlamelessFindingsPanel.tsx';
import { FactorsSection } from './FactorsSection.tsx';
import { ParticipantsSection } from './ParticipantsSection.tsx';
import { ReportSectionsForm } from './ReportSectionsForm.tsx';

// The tabs a postmortem does not open on come with their first visit, so the first download
// stays within its budget as the page grows (the timeline tab, the default, stays in it).
const WhyTreeSection = lazy(() =>
  loadChunk(import('../why-tree/WhyTreeSection.tsx')).then((module) => ({
    default: module.WhyTreeSection,
  })),
);
const MeetingView = lazy(() =>
  loadChunk(import('../facilitation/MeetingView.tsx')).then((module) => ({
    default: module.MeetingView,
  })),
);
const AntiPatternsPanel = lazy(() =>
  loadChunk(import('../anti-patterns/AntiPatternsPanel.tsx')).then((module) => ({
    default: module.AntiPatternsPanel,
  })),
);
const AuditTrail = lazy(() =>
  loadChunk(import('./AuditTrail.tsx')).then((module) => ({ default: module.AuditTrail })),
);
const PublishingPanel = lazy(() =>
  loadChunk(import('../publishing/PublishingPanel.tsx')).then((module) => ({
    default: module.PublishingPanel,
  })),
);

const loadingTab = (
  <p className="muted" aria-busy="true">
    Loading…
  </p>
);

interface PostmortemTabsProps {
  postmortem: Postmortem;
  policy: PolicyView;
  /** The incidents it reviews, once read (the page reads them once for every part). */
  reviewedIncidents: Incident[] | undefined;
  canEdit: boolean;
  /** Reloads the postmortem: its counts and unmet conditions follow its parts. */
  onChanged: () => void;
  onSaved: (result: { data: Postmortem; abilities: Abilities }) => void;
}

/** The postmortem's parts as tabs; the selected tab lives in the address (`?tab=`). */
export function PostmortemTabs({
  postmortem,
  policy,
  reviewedIncidents,
  canEdit,
  onChanged,
  onSaved,
}: PostmortemTabsProps) {
  const { pathname, query } = useLocation();
  const { session } = useSession();
  const counts = postmortem.counts;
  const tabs = [
    { id: 'timeline', label: `Timeline (${counts.timelineEvents})` },
    { id: 'personal-accounts', label: 'Personal accounts' },
    { id: 'participants', label: `Participants (${counts.participants})` },
    { id: 'why-tree', label: 'Why-tree' },
    { id: 'factors', label: `Contributing factors (${counts.contributingFactors})` },
    { id: 'actions', label: `Action items (${counts.actionItems})` },
    { id: 'report', label: 'Report' },
    { id: 'meeting', label: 'Analysis meeting' },
    { id: 'anti-patterns', label: 'Anti-patterns' },
    { id: 'audit', label: 'Audit trail' },
    { id: 'publishing', label: 'Publishing' },
  ];
  const requested = query.get('tab') ?? 'timeline';
  const selected = tabs.some((tab) => tab.id === requested) ? requested : 'timeline';
  const select = (id: string) => navigate(`${pathname}?tab=${id}`, { replace: true });
  const common = { postmortemId: postmortem.id, canAdd: canEdit, onChanged };
  // The review's own template decides its text sections (a security incident's, …).
  const sections = postmortem.reportSections;

  return (
    <Tabs label="Postmortem parts" tabs={tabs} selected={selected} onSelect={select}>
      <Suspense fallback={loadingTab}>
        {selected === 'timeline' && <TimelineView {...common} incidents={reviewedIncidents} />}
        {selected === 'personal-accounts' && <PersonalAccountsSection {...common} />}
        {selected === 'participants' && <ParticipantsSection {...common} />}
        {selected === 'why-tree' && (
          <WhyTreeSection
            postmortemId={postmortem.id}
            taxonomy={policy.factorTaxonomy}
            onChanged={onChanged}
          />
        )}
        {selected === 'factors' && <FactorsSection {...common} taxonomy={policy.factorTaxonomy} />}
        {selected === 'actions' && <ActionItemsSection {...common} />}
        {selected === 'report' && (
          <>
            <ReportSectionsForm
              postmortem={postmortem}
              sections={sections}
              canEdit={canEdit}
              onSaved={onSaved}
              onReload={onChanged}
            />
            <BlamelessFindingsPanel
              key={postmortem.version}
              postmortemId={postmortem.id}
              sections={sections}
              canEdit={canEdit}
              onChanged={onChanged}
            />
          </>
        )}
        {selected === 'meeting' && (
          <MeetingView
            postmortem={postmortem}
            canEdit={canEdit}
            onSaved={onSaved}
            onReload={onChanged}
          />
        )}
        {selected === 'anti-patterns' && <AntiPatternsPanel postmortemId={postmortem.id} />}
        {selected === 'audit' && <AuditTrail postmortemId={postmortem.id} />}
        {selected === 'publishing' && (
          <PublishingPanel
            postmortemId={postmortem.id}
            sections={sections}
            userId={session?.user.id ?? ''}
            canEdit={canEdit}
          />
        )}
      </Suspense>
    </Tabs>
  );
}
