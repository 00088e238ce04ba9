import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityLogModule } from '../../realtime/activity-log.module';
import { Group } from '../groups/entities/group.entity';
import { Membership } from '../groups/entities/membership.entity';
import { GroupsModule } from '../groups/groups.module';
import { ThreadsModule } from '../threads/threads.module';
import { UsersModule } from '../users/users.module';
import { AudienceRepository } from './audience.repository';
import { AudienceService } from './audience.service';
import { Notification } from './entities/notification.entity';
import { ThreadSubscription } from './entities/thread-subscription.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationMaker } from './notification-maker';
import { NotificationsService } from './notifications.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/** Subscriptions (group and thread levels), the notification inbox, and who hears what (AudienceService). */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, ThreadSubscription, Group, Membership]), GroupsModule, ThreadsModule, UsersModule, ActivityLogModule],
  controllers: [NotificationsController, SubscriptionsController],
  providers: [NotificationsRepository, NotificationsService, NotificationMaker, SubscriptionsRepository, SubscriptionsService, AudienceRepository, AudienceService],
  exports: [NotificationsService, AudienceService],
})
export class NotificationsModule {}
