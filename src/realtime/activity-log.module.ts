import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityLogRepository } from './activity-log.repository';
import { ActivityLogService } from './activity-log.service';
import { ActivityEvent } from './entities/activity-event.entity';

/**
 * The durable activity log on its own, below both the notifications feature (which appends
 * `notification` events) and the gateway (which delivers the log).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ActivityEvent])],
  providers: [ActivityLogRepository, ActivityLogService],
  exports: [ActivityLogRepository, ActivityLogService],
})
export class ActivityLogModule {}
