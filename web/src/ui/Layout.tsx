import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { LANGS, useI18n, type Lang } from '../i18n/i18n';
import { useLiveStatus } from '../live/live';
import { useUnreadCount } from '../pages/NotificationsPage';

export function LiveIndicator() {
  const { t } = useI18n();
  const status = useLiveStatus();
  return (
    <span className={`live live-${status}`} role="status" title={t(`live.${status}.title`)}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </span>
  );
}

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const signedIn = session.state === 'signed-in';
  const unread = useUnreadCount();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand" aria-label={t('nav.home')}>
            <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
              <circle cx="16" cy="16" r="11" fill="none" stroke="currentColor" strokeWidth="5" />
              <circle cx="16" cy="16" r="3" fill="#f0a050" />
            </svg>
            <span>Kring</span>
          </Link>
          <nav aria-label={t('nav.main')} className="mainnav">
            {signedIn && <NavLink to="/feed">{t('nav.feed')}</NavLink>}
            <NavLink to="/groups" end>
              {t('nav.groups')}
            </NavLink>
            {signedIn && (
              <NavLink to="/notifications">
                {t('nav.notifications')}
                {unread > 0 && (
                  <>
                    {' '}
                    <span className="count">{unread > 99 ? '99+' : unread}</span>
                    <span className="visually-hidden"> {t('nav.unread')}</span>
                  </>
                )}
              </NavLink>
            )}
            {signedIn && <NavLink to="/profile">{t('nav.profile')}</NavLink>}
          </nav>
          <div className="topbar-tools">
            {signedIn && <LiveIndicator />}
            <label className="lang">
              <span className="visually-hidden">{t('nav.language')}</span>
              <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
                {LANGS.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            {signedIn ? (
              <button
                type="button"
                className="button ghost"
                onClick={async () => {
                  await session.signOut();
                  void navigate('/signin');
                }}
              >
                {t('auth.signOut')}
              </button>
            ) : session.state === 'signed-out' ? (
              <>
                <Link to="/signin" className="button ghost">
                  {t('auth.signIn')}
                </Link>
                <Link to="/signup" className="button primary small">
                  {t('auth.signUp')}
                </Link>
              </>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('footer.text')}</p>
      </footer>
    </div>
  );
}

let navigatedOnce = false;

/**
 * The page's h1; sets the document title and, after a client-side navigation, takes focus so
 * screen-reader and keyboard users start at the new page rather than the old link.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} · Kring`;
  }, [title]);
  useEffect(() => {
    if (navigatedOnce) ref.current?.focus({ preventScroll: false });
    navigatedOnce = true;
  }, [location.pathname]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
