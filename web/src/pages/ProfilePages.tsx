import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { keys } from '../api/queries';
import type { Me } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { fieldErrors, formError, useErrorText } from '../ui/errors';
import { Field, FormError, SubmitButton } from '../ui/Field';
import { PageTitle } from '../ui/Layout';
import { ErrorState, Loading } from '../ui/states';
import { TagInput } from '../ui/TagInput';
import { Avatar } from '../ui/bits';

const FIELDS = ['displayName', 'handle', 'headline', 'bio', 'expertise'] as const;

export function ProfilePage() {
  const { user } = useSession();
  if (!user) return <Loading />;
  return <ProfileForm user={user} />;
}

function ProfileForm({ user }: { user: Me }) {
  const { t } = useI18n();
  const text = useErrorText();
  const session = useSession();
  const [params] = useSearchParams();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [handle, setHandle] = useState(user.handle);
  const [headline, setHeadline] = useState(user.headline);
  const [bio, setBio] = useState(user.bio);
  const [expertise, setExpertise] = useState<string[]>(user.expertise);
  const save = useMutation({
    mutationFn: () =>
      api('PATCH /api/me', { body: { displayName, handle, headline, bio, expertise } }),
    onSuccess: (me) => session.updateUser(me),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <section className="page narrow">
      <PageTitle title={t('profile.title')}>{t('profile.title')}</PageTitle>
      {params.get('welcome') && <p className="notice">{t('profile.welcome')}</p>}
      <form className="card form" onSubmit={submit} noValidate>
        <Field label={t('profile.displayName')} errors={fieldErrors(save.error, 'displayName')}>
          {(p) => (
            <input
              {...p}
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              maxLength={100}
              required
            />
          )}
        </Field>
        <Field
          label={t('profile.handle')}
          hint={t('profile.handleHint')}
          errors={fieldErrors(save.error, 'handle')}
        >
          {(p) => (
            <div className="input-prefix">
              <span aria-hidden="true">@</span>
              <input
                {...p}
                value={handle}
                onChange={(e) => setHandle(e.target.value)}
                maxLength={30}
                autoCapitalize="none"
                spellCheck={false}
              />
            </div>
          )}
        </Field>
        <Field
          label={t('profile.headline')}
          hint={t('profile.headlineHint')}
          errors={fieldErrors(save.error, 'headline')}
        >
          {(p) => (
            <input
              {...p}
              value={headline}
              onChange={(e) => setHeadline(e.target.value)}
              maxLength={200}
            />
          )}
        </Field>
        <Field label={t('profile.bio')} errors={fieldErrors(save.error, 'bio')}>
          {(p) => (
            <textarea
              {...p}
              rows={5}
              value={bio}
              onChange={(e) => setBio(e.target.value)}
              maxLength={5000}
            />
          )}
        </Field>
        <TagInput
          label={t('profile.expertise')}
          tags={expertise}
          onChange={setExpertise}
          max={20}
          errors={fieldErrors(save.error, 'expertise')}
        />
        <FormError message={formError(save.error, FIELDS, text)} />
        {save.isSuccess && !save.isPending && (
          <p className="success" role="status">
            {t('profile.saved')}
          </p>
        )}
        <div className="form-actions">
          <SubmitButton pending={save.isPending}>{t('action.save')}</SubmitButton>
          <Link to={`/users/${user.id}`}>{t('profile.viewPublic')}</Link>
        </div>
      </form>
    </section>
  );
}

export function UserPage() {
  const { userId = '' } = useParams();
  const { t } = useI18n();
  const profile = useQuery({
    queryKey: keys.user(userId),
    queryFn: ({ signal }) => api('GET /api/users/{userId}', { params: { userId }, signal }),
  });
  if (profile.isPending) return <Loading />;
  if (profile.isError)
    return <ErrorState error={profile.error} retry={() => void profile.refetch()} />;
  const u = profile.data;
  return (
    <section className="page narrow">
      <div className="card profile-card">
        <Avatar name={u.displayName} size="large" />
        <div>
          <PageTitle title={u.displayName}>{u.displayName}</PageTitle>
          <p className="muted">@{u.handle}</p>
          {u.headline && <p className="headline">{u.headline}</p>}
          {u.degree && <p className="badge">{t('profile.degree', { degree: u.degree })}</p>}
        </div>
      </div>
      {u.bio && (
        <section className="card">
          <h2>{t('profile.bio')}</h2>
          <p className="prewrap">{u.bio}</p>
        </section>
      )}
      <section className="card">
        <h2>{t('profile.expertise')}</h2>
        {u.expertise.length ? (
          <ul className="chips">
            {u.expertise.map((tag) => (
              <li key={tag} className="chip">
                {tag}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('profile.noExpertise')}</p>
        )}
      </section>
    </section>
  );
}
