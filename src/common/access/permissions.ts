/** Roles as data: each group action names the least role that may take it. */
export type Role = 'member' | 'moderator' | 'owner';

export const ROLE_RANK: Record<Role, number> = { member: 1, moderator: 2, owner: 3 };

export const GROUP_PERMISSIONS = {
  'thread.post': 'member',
  'reply.post': 'member',
  'report.create': 'member',
  'announcement.post': 'moderator',
  'group.update': 'moderator',
  'members.review': 'moderator',
  'members.invite': 'moderator',
  'members.ban': 'moderator',
  'members.role': 'owner',
  'audit.read': 'moderator',
  'reports.review': 'moderator',
  'threads.moderate': 'moderator',
  'events.manage': 'moderator',
} as const satisfies Record<string, Role>;

export type GroupPermission = keyof typeof GROUP_PERMISSIONS;

/** Human words for 403 messages: "only moderators and owners may …". */
export const ROLE_WORDS: Record<Role, string> = {
  member: 'members',
  moderator: 'moderators and owners',
  owner: 'owners',
};

export function roleAllows(role: Role, permission: GroupPermission): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[GROUP_PERMISSIONS[permission]];
}

/** May `actor` act on a member holding `target` role (ban, demote…)? Only on lower roles; owners on anyone. */
export function outranks(actor: Role, target: Role): boolean {
  return actor === 'owner' || ROLE_RANK[actor] > ROLE_RANK[target];
}
