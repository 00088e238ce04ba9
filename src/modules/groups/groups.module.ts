import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Group } from './entities/group.entity';
import { Membership } from './entities/membership.entity';
import { GroupAccessService } from './group-access.service';
import { GroupsRepository } from './groups.repository';

@Module({
  imports: [TypeOrmModule.forFeature([Group, Membership])],
  providers: [GroupsRepository, GroupAccessService],
  exports: [GroupsRepository, GroupAccessService],
})
export class GroupsModule {}
