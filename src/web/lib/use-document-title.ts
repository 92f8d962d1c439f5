import { useEffect } from 'react';

/** Sets the browser tab's title while the calling scene is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Debrief` : 'Debrief';
  }, [title]);
}
