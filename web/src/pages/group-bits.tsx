import { useI18n } from '../i18n/i18n';
import type { GroupSummary, Membership } from '../api/types';

export function GroupBadges({
  group,
}: {
  group: Pick<GroupSummary, 'visibility' | 'joinPolicy'> & { membership?: Membership | null };
}) {
  const { t } = useI18n();
  const m = group.membership;
  return (
    <p className="badges">
      <span className={`badge badge-${group.visibility}`}>
        {t(`group.visibility.${group.visibility}`)}
      </span>
      <span className="badge">{t(`group.policy.${group.joinPolicy}`)}</span>
      {m && m.status === 'active' && (
        <span className="badge badge-member">{t(`role.${m.role}`)}</span>
      )}
      {m && m.status === 'pending' && (
        <span className="badge badge-pending">{t('membership.pendingBadge')}</span>
      )}
      {m && m.status === 'invited' && (
        <span className="badge badge-pending">{t('membership.invitedBadge')}</span>
      )}
      {m && m.status === 'banned' && (
        <span className="badge badge-danger">{t('membership.bannedBadge')}</span>
      )}
    </p>
  );
}
