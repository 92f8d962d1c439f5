import { useDocumentTitle } from '../lib/use-document-title.ts';
import { Link } from '../routing/Link.tsx';

/**
 * "Not found" for an unknown address or a record that does not exist or that the viewer may
 * not see (the two look the same on purpose).
 */
export function NotFoundNotice() {
  useDocumentTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing here: the address is wrong, or the record does not exist or is not shared
        with you. <Link to="/incidents">Go to the incident list</Link> or{' '}
        <Link to="/postmortems">the postmortem list</Link>.
      </p>
    </>
  );
}
