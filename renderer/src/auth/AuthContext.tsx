import { createContext, useContext } from 'react';
import type { SessionUser } from '@shared/schemas/auth';
import type { Permission } from '@shared/permissions';

export interface Auth {
  user: SessionUser;
  can(permission: Permission): boolean;
  logout(): Promise<void>;
  /** Re-reads the session (after a password change, for instance). */
  refresh(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside of a logged-in shell');
  return auth;
}
