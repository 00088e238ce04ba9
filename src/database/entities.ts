import { Group } from '../modules/groups/entities/group.entity';
import { Membership } from '../modules/groups/entities/membership.entity';
import { AuditEntry } from '../modules/moderation/entities/audit-entry.entity';
import { Report } from '../modules/moderation/entities/report.entity';
import { Notification } from '../modules/notifications/entities/notification.entity';
import { ThreadSubscription } from '../modules/notifications/entities/thread-subscription.entity';
import { Reply } from '../modules/threads/entities/reply.entity';
import { Revision } from '../modules/threads/entities/revision.entity';
import { ThreadTag } from '../modules/threads/entities/thread-tag.entity';
import { Thread } from '../modules/threads/entities/thread.entity';
import { Vote } from '../modules/threads/entities/vote.entity';
import { UserExpertise } from '../modules/users/entities/user-expertise.entity';
import { User } from '../modules/users/entities/user.entity';
import { ActivityEvent } from '../realtime/entities/activity-event.entity';

/** Every entity the store knows; migrations are generated against this list. */
export const ENTITIES: Function[] = [
  User,
  UserExpertise,
  Group,
  Membership,
  AuditEntry,
  Report,
  Thread,
  ThreadTag,
  Reply,
  Vote,
  Revision,
  ActivityEvent,
  ThreadSubscription,
  Notification,
];
