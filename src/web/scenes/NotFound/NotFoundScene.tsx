import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link } from '../../routing/Link.tsx';

/** Shown for an address the app does not know. */
export function NotFoundScene() {
  useDocumentTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/incidents">Go to the incident list</Link>.
      </p>
    </>
  );
}
