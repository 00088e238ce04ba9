import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { GracefulShutdown } from './common/graceful-shutdown';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { validationPipe } from './common/validation';
import { DatabaseModule } from './database/database.module';
import { DomainEventsModule } from './domain-events/domain-events.module';
import { AuthModule } from './modules/auth/auth.module';
import { GroupsModule } from './modules/groups/groups.module';
import { HealthModule } from './modules/health/health.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ThreadsModule } from './modules/threads/threads.module';
import { UsersModule } from './modules/users/users.module';
import { RealtimeModule } from './realtime/realtime.module';

/** Composition only: the feature modules and the cross-cutting providers. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DomainEventsModule,
        DatabaseModule,
        HealthModule,
        UsersModule,
        AuthModule,
        GroupsModule,
        ModerationModule,
        ThreadsModule,
        NotificationsModule,
        RealtimeModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: validationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        GracefulShutdown,
      ],
    };
  }
}
