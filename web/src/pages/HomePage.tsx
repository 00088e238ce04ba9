import { Link, Navigate } from 'react-router';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/Layout';
import { Loading } from '../ui/states';

export function HomePage() {
  const { t } = useI18n();
  const session = useSession();
  if (session.state === 'loading') return <Loading />;
  if (session.state === 'signed-in') return <Navigate to="/feed" replace />;
  return (
    <section className="page hero">
      <PageTitle title={t('home.title')}>{t('home.title')}</PageTitle>
      <p className="lead">{t('home.lead')}</p>
      <div className="form-actions">
        <Link to="/signup" className="button primary">
          {t('auth.signUp')}
        </Link>
        <Link to="/groups" className="button secondary">
          {t('home.browse')}
        </Link>
      </div>
      <ul className="features">
        <li>
          <h2>{t('home.f1.title')}</h2>
          <p>{t('home.f1.text')}</p>
        </li>
        <li>
          <h2>{t('home.f2.title')}</h2>
          <p>{t('home.f2.text')}</p>
        </li>
        <li>
          <h2>{t('home.f3.title')}</h2>
          <p>{t('home.f3.text')}</p>
        </li>
      </ul>
    </section>
  );
}
