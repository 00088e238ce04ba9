import { Module } from '@nestjs/common';
import { AuthModule } from '../modules/auth/auth.module';
import { NotificationsModule } from '../modules/notifications/notifications.module';
import { ThreadsModule } from '../modules/threads/threads.module';
import { ActivityDelivery } from './activity-delivery';
import { ActivityLogModule } from './activity-log.module';
import { ActivityTailer } from './activity-tailer';
import { CatchUp } from './catch-up';
import { ContentViews } from './content-views';
import { PayloadRenderer } from './payloads';
import { RealtimeGateway } from './realtime.gateway';

/** Socket.IO: the gateway, the per-instance tailer of the activity log, delivery and catch-up. */
@Module({
  imports: [ActivityLogModule, AuthModule, NotificationsModule, ThreadsModule],
  providers: [RealtimeGateway, ActivityTailer, ActivityDelivery, CatchUp, PayloadRenderer, ContentViews],
})
export class RealtimeModule {}
