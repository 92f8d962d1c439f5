import { Link } from '../../routing/Link.tsx';

/** Service names as links to their pages, or a dash for none. */
export function ServiceLinks({ names }: { names: string[] }) {
  if (names.length === 0) {
    return <span className="muted">—</span>;
  }
  return (
    <ul className="inline-list">
      {names.map((name) => (
        <li key={name}>
          <Link to={`/services/${encodeURIComponent(name)}`}>{name}</Link>
        </li>
      ))}
    </ul>
  );
}
