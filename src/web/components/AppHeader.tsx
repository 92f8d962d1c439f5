import type { Session } from '../api/auth-api.ts';
import { Link } from '../routing/Link.tsx';
import { useLocation } from '../routing/use-location.ts';
import { HeaderSearch } from './HeaderSearch.tsx';

interface AppHeaderProps {
  session: Session | null;
  onSignOut: () => void;
}

const sections = [
  { to: '/incidents', label: 'Incidents' },
  { to: '/postmortems', label: 'Postmortems' },
  { to: '/action-items', label: 'Action items' },
  { to: '/published', label: 'Published' },
  { to: '/services', label: 'Services' },
  { to: '/insights', label: 'Insights' },
  { to: '/settings/tokens', label: 'Settings', match: '/settings' },
];

/** The top bar: product name, main navigation, the signed-in user and sign out. */
export function AppHeader({ session, onSignOut }: AppHeaderProps) {
  const { pathname } = useLocation();
  const active = pathname === '/' ? '/incidents' : pathname;
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="app-header-inner">
        <Link to="/" className="brand">
          Debrief
        </Link>
        {session && (
          <>
            <nav aria-label="Main">
              <ul>
                {sections.map((section) => (
                  <li key={section.to}>
                    <Link
                      to={section.to}
                      aria-current={
                        active.startsWith(section.match ?? section.to) ? 'page' : undefined
                      }
                    >
                      {section.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <HeaderSearch />
            <div className="user-menu">
              <span>
                Signed in as <strong>{session.user.name}</strong>
                <span className="muted"> ({session.user.role})</span>
              </span>
              <button type="button" className="secondary" onClick={onSignOut}>
                Sign out
              </button>
            </div>
          </>
        )}
      </div>
    </header>
  );
}
