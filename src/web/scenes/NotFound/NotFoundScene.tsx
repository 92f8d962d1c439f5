import { NotFoundNotice } from '../../components/NotFoundNotice.tsx';

/** Shown for an address the app does not know. */
export function NotFoundScene() {
  return <NotFoundNotice />;
}
