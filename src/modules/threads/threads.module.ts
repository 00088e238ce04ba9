import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { ModerationModule } from '../moderation/moderation.module';
import { UsersModule } from '../users/users.module';
import { ContentRemovalService } from './content-removal.service';
import { Reply } from './entities/reply.entity';
import { Revision } from './entities/revision.entity';
import { ThreadTag } from './entities/thread-tag.entity';
import { Thread } from './entities/thread.entity';
import { Vote } from './entities/vote.entity';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';
import { RepliesController } from './replies.controller';
import { RepliesRepository } from './replies.repository';
import { RepliesService } from './replies.service';
import { RevisionsRepository } from './revisions.repository';
import { RevisionsService } from './revisions.service';
import { ThreadAccess } from './thread-access.service';
import { ThreadModerationService } from './thread-moderation.service';
import { ThreadViews } from './thread-views.service';
import { ThreadsController } from './threads.controller';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';
import { VotesRepository } from './votes.repository';
import { VotesService } from './votes.service';

/**
 * Threads (questions, discussions, announcements), replies with one-level comments, votes,
 * accepted answers, edit histories, tags and feeds. Exports ThreadsService (threadView /
 * replyView: the HTTP response DTOs for realtime payloads) and the repositories that search
 * and experts read.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Thread, ThreadTag, Reply, Vote, Revision]),
    GroupsModule,
    ModerationModule,
    UsersModule,
  ],
  controllers: [FeedController, ThreadsController, RepliesController],
  providers: [
    ThreadsRepository,
    RepliesRepository,
    VotesRepository,
    RevisionsRepository,
    ThreadAccess,
    ThreadViews,
    ThreadsService,
    ThreadModerationService,
    ContentRemovalService,
    RepliesService,
    VotesService,
    FeedService,
    RevisionsService,
  ],
  exports: [ThreadsService, ThreadViews, ThreadsRepository, RepliesRepository],
})
export class ThreadsModule {}
