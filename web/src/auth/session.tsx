import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, ApiError, setAccessToken, setUnauthorizedHandler } from '../api/client';
import type { Me } from '../api/types';

const TOKEN_KEY = 'kring.token';

export interface Session {
  /** loading: checking a stored token; then signed in (user set) or not. */
  state: 'loading' | 'signed-in' | 'signed-out';
  user: Me | null;
  token: string | null;
  /** Stores what register/login answered. */
  signedIn(result: { user: Me; accessToken: string }): void;
  updateUser(user: Me): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Keeps the access token (localStorage, so it survives reloads) and the signed-in user. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => {
    const stored = localStorage.getItem(TOKEN_KEY);
    setAccessToken(stored);
    return stored;
  });
  const [user, setUser] = useState<Me | null>(null);
  const [attempt, setAttempt] = useState(0);

  const forget = useCallback(() => {
    localStorage.removeItem(TOKEN_KEY);
    setAccessToken(null);
    setToken(null);
    setUser(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(forget);
    return () => setUnauthorizedHandler(null);
  }, [forget]);

  useEffect(() => {
    if (!token || user) return;
    let cancelled = false;
    api('GET /api/me').then(
      (me) => !cancelled && setUser(me),
      (err: unknown) => {
        // A network failure keeps the token for the next try; a refused token is dropped.
        if (!cancelled && err instanceof ApiError && err.status === 401) forget();
        else if (!cancelled) setTimeout(() => setAttempt((a) => a + 1), 3000);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, user, forget, attempt]);

  const value = useMemo<Session>(
    () => ({
      state: token ? (user ? 'signed-in' : 'loading') : 'signed-out',
      user,
      token,
      signedIn({ user: me, accessToken }) {
        queryClient.clear();
        localStorage.setItem(TOKEN_KEY, accessToken);
        setAccessToken(accessToken);
        setToken(accessToken);
        setUser(me);
      },
      updateUser: setUser,
      async signOut() {
        try {
          await api('POST /api/auth/logout');
        } catch {
          // Signed out locally either way.
        }
        forget();
      },
    }),
    [token, user, queryClient, forget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
