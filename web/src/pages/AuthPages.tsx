import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError, SubmitButton } from '../ui/Field';
import { PageTitle } from '../ui/Layout';

/** Where to go after signing in: the page that sent us here, if it is one of ours. */
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  return <AuthForm mode="signin" />;
}

export function SignUpPage() {
  return <AuthForm mode="signup" />;
}

/** Sign in (e-mail, password) or sign up (also a display name); both end signed in. */
function AuthForm({ mode }: { mode: 'signin' | 'signup' }) {
  const { t } = useI18n();
  const text = useErrorText();
  const session = useSession();
  const navigate = useNavigate();
  const next = useNext();
  const signup = mode === 'signup';
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useMutation({
    mutationFn: () =>
      signup
        ? api('POST /api/auth/register', { body: { displayName, email, password } })
        : api('POST /api/auth/login', { body: { email, password } }),
    onSuccess: (result) => {
      session.signedIn(result);
      // New accounts start at their profile, unless they came to do something.
      void navigate(signup && next === '/' ? '/profile?welcome=1' : next, { replace: true });
    },
  });
  const fields = ['displayName', 'email', 'password'];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate();
  };
  const action = t(signup ? 'auth.signUp' : 'auth.signIn');
  const keepNext = next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <section className="page narrow">
      <PageTitle title={action}>{signup ? t('auth.signUpTitle') : action}</PageTitle>
      <form className="card form" onSubmit={onSubmit} noValidate>
        {signup && (
          <Field label={t('profile.displayName')} errors={fieldErrors(submit.error, 'displayName')}>
            {(p) => (
              <input
                {...p}
                autoComplete="name"
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
                required
              />
            )}
          </Field>
        )}
        <Field label={t('auth.email')} errors={fieldErrors(submit.error, 'email')}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          label={t('auth.password')}
          hint={signup ? t('auth.passwordHint') : undefined}
          errors={fieldErrors(submit.error, 'password')}
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete={signup ? 'new-password' : 'current-password'}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        <FormError message={formError(submit.error, fields, text)} />
        <SubmitButton pending={submit.isPending}>{action}</SubmitButton>
        <p className="muted">
          {signup ? (
            <>
              {t('auth.haveAccount')} <Link to={`/signin${keepNext}`}>{t('auth.signIn')}</Link>
            </>
          ) : (
            <>
              {t('auth.noAccount')} <Link to={`/signup${keepNext}`}>{t('auth.signUp')}</Link>
            </>
          )}
        </p>
      </form>
    </section>
  );
}
