import { NotFoundNotice } from '../../components/NotFoundNotice.tsx';
import { useSession } from '../../features/session/session-context.ts';
import { AccountsPage } from '../../features/settings/AccountsPage.tsx';
import { IntegrationsPage } from '../../features/settings/IntegrationsPage.tsx';
import { NotificationsPage } from '../../features/settings/NotificationsPage.tsx';
import { PolicyPage } from '../../features/settings/PolicyPage.tsx';
import { TokensPage } from '../../features/settings/TokensPage.tsx';
import { can } from '../../lib/abilities.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link } from '../../routing/Link.tsx';

const pages = [
  { id: 'tokens', label: 'My API tokens', adminOnly: false, Page: TokensPage },
  { id: 'notifications', label: 'My notifications', adminOnly: false, Page: NotificationsPage },
  { id: 'accounts', label: 'Accounts', adminOnly: true, Page: AccountsPage },
  { id: 'integrations', label: 'Integrations', adminOnly: true, Page: IntegrationsPage },
  { id: 'policy', label: 'Policy', adminOnly: true, Page: PolicyPage },
] as const;

/**
 * `/settings/:page`: the caller's API tokens and notification settings, and for admins the accounts, integrations and
 * the effective policy. Loaded on demand: most visits never come here.
 */
export function SettingsScene({ page }: { page: string }) {
  const { session } = useSession();
  const isAdmin = can(session.abilities, 'manageUsers');
  const visible = pages.filter((candidate) => isAdmin || !candidate.adminOnly);
  const current = visible.find((candidate) => candidate.id === page);
  useDocumentTitle(current ? `Settings: ${current.label}` : 'Settings');
  if (!current) {
    return <NotFoundNotice />;
  }
  return (
    <>
      <h1>Settings</h1>
      <nav className="admin-nav" aria-label="Settings">
        <ul>
          {visible.map((candidate) => (
            <li key={candidate.id}>
              <Link
                to={`/settings/${candidate.id}`}
                aria-current={candidate.id === current.id ? 'page' : undefined}
              >
                {candidate.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <current.Page />
    </>
  );
}
