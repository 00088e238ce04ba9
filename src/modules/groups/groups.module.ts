import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../moderation/audit.module';
import { UsersModule } from '../users/users.module';
import { Group } from './entities/group.entity';
import { Membership } from './entities/membership.entity';
import { GroupAccessService } from './group-access.service';
import { GroupsController } from './groups.controller';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';
import { MemberModerationService } from './member-moderation.service';
import { MembersController } from './members.controller';
import { MembershipService } from './membership.service';
import { MembershipWriter } from './membership-writer';

@Module({
  imports: [TypeOrmModule.forFeature([Group, Membership]), UsersModule, AuditModule],
  controllers: [GroupsController, MembersController],
  providers: [GroupsRepository, GroupAccessService, GroupsService, MembershipService, MemberModerationService, MembershipWriter],
  exports: [GroupsRepository, GroupAccessService, MemberModerationService],
})
export class GroupsModule {}
