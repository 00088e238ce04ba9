import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { App } from './App';
import { SessionProvider, useSession } from './auth/session';
import { I18nProvider } from './i18n/i18n';
import { LiveCacheSync } from './live/cache-sync';
import { LiveProvider } from './live/live';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // 4xx answers are final (not found, forbidden, banned): show them instead of retrying.
      retry: (count, err) =>
        !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

function Live({ children }: { children: ReactNode }) {
  const session = useSession();
  return (
    <LiveProvider
      token={session.state === 'signed-in' ? session.token : null}
      userId={session.user?.id ?? null}
    >
      <LiveCacheSync />
      {children}
    </LiveProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <Live>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </Live>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
