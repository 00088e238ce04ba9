import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { PageTitle } from '../ui/Layout';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page narrow">
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  );
}
