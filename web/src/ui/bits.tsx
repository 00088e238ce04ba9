import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

/** Initials on a colour derived from the name (decorative: the name is always written beside it). */
export function Avatar({ name, size = 'small' }: { name: string; size?: 'small' | 'large' }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  const hue = Math.abs(hash) % 360;
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ background: `hsl(${hue} 45% 35%)` }}
      aria-hidden="true"
    >
      {initials || '?'}
    </span>
  );
}

export function UserLink({
  user,
}: {
  user: { id: string; displayName: string; handle?: string } | null | undefined;
}) {
  const { t } = useI18n();
  if (!user) return <span className="muted">{t('user.unknown')}</span>;
  return (
    <Link to={`/users/${user.id}`} className="user-link">
      {user.displayName}
    </Link>
  );
}

export function Time({ iso }: { iso: string | null | undefined }) {
  const { relative, date } = useI18n();
  if (!iso) return null;
  return (
    <time dateTime={iso} title={date(iso)}>
      {relative(iso)}
    </time>
  );
}
