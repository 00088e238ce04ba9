import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError } from '../ui/Field';
import { PageTitle } from '../ui/Layout';

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const text = useErrorText();
  const session = useSession();
  const navigate = useNavigate();
  const next = useNext();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => api('POST /api/auth/login', { body: { email, password } }),
    onSuccess: (result) => {
      session.signedIn(result);
      void navigate(next, { replace: true });
    },
  });
  const fields = ['email', 'password'] as const;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <section className="page narrow">
      <PageTitle title={t('auth.signIn')}>{t('auth.signIn')}</PageTitle>
      <form className="card form" onSubmit={submit} noValidate>
        <Field label={t('auth.email')} errors={fieldErrors(signIn.error, 'email')}>
          {(p) => <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <Field label={t('auth.password')} errors={fieldErrors(signIn.error, 'password')}>
          {(p) => <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
        </Field>
        <FormError message={formError(signIn.error, fields, text)} />
        <button className="button primary" type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('state.working') : t('auth.signIn')}
        </button>
        <p className="muted">
          {t('auth.noAccount')} <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('auth.signUp')}</Link>
        </p>
      </form>
    </section>
  );
}

export function SignUpPage() {
  const { t } = useI18n();
  const text = useErrorText();
  const session = useSession();
  const navigate = useNavigate();
  const next = useNext();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const register = useMutation({
    mutationFn: () => api('POST /api/auth/register', { body: { displayName, email, password } }),
    onSuccess: (result) => {
      session.signedIn(result);
      void navigate(next === '/' ? '/profile?welcome=1' : next, { replace: true });
    },
  });
  const fields = ['displayName', 'email', 'password'] as const;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate();
  };
  return (
    <section className="page narrow">
      <PageTitle title={t('auth.signUp')}>{t('auth.signUpTitle')}</PageTitle>
      <form className="card form" onSubmit={submit} noValidate>
        <Field label={t('profile.displayName')} errors={fieldErrors(register.error, 'displayName')}>
          {(p) => <input {...p} autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />}
        </Field>
        <Field label={t('auth.email')} errors={fieldErrors(register.error, 'email')}>
          {(p) => <input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />}
        </Field>
        <Field label={t('auth.password')} hint={t('auth.passwordHint')} errors={fieldErrors(register.error, 'password')}>
          {(p) => <input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required minLength={10} />}
        </Field>
        <FormError message={formError(register.error, fields, text)} />
        <button className="button primary" type="submit" disabled={register.isPending}>
          {register.isPending ? t('state.working') : t('auth.signUp')}
        </button>
        <p className="muted">
          {t('auth.haveAccount')} <Link to="/signin">{t('auth.signIn')}</Link>
        </p>
      </form>
    </section>
  );
}
