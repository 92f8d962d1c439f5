import { createContext, useContext } from 'react';
import type { Session } from '../../api/auth-api.ts';

export interface SessionValue {
  session: Session;
  signOut: () => Promise<void>;
}

/** The signed-in session, provided by the app shell once boot has finished. */
export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in session; only scenes behind sign-in call it. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession needs a signed-in SessionContext');
  }
  return value;
}
