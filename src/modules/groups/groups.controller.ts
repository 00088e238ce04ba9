import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public } from '../../common/auth/decorators';
import { Page, PageOf } from '../../common/pagination';
import { CreateGroupDto, GroupDto, ListGroupsQueryDto, MembershipDto, UpdateGroupDto } from './dto/group.dto';
import { AcceptRulesDto, JoinGroupDto } from './dto/member.dto';
import { GroupIdPipe } from './group-id.pipe';
import { GroupsService } from './groups.service';
import { MembershipService } from './membership.service';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly membership: MembershipService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a group; the creator becomes its owner' })
  @ApiCreatedResponse({ type: GroupDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateGroupDto): Promise<GroupDto> {
    return this.groups.create(user.id, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Groups the caller may see (public ones and their own), newest first; ?q= searches name and description' })
  @ApiOkResponse({ type: PageOf(GroupDto) })
  list(@OptionalUser() user: AuthUser | null, @Query() query: ListGroupsQueryDto): Promise<Page<GroupDto>> {
    return this.groups.list(user?.id ?? null, query);
  }

  @Public()
  @Get(':groupId')
  @ApiOperation({ summary: 'A group by id or slug, with memberCount, rules and the caller\'s membership; 404 for private groups the caller is not in' })
  @ApiOkResponse({ type: GroupDto })
  get(@Param('groupId', GroupIdPipe) groupId: string, @OptionalUser() user: AuthUser | null): Promise<GroupDto> {
    return this.groups.get(groupId, user?.id ?? null);
  }

  @Patch(':groupId')
  @ApiOperation({ summary: 'Change a group (moderators and owners); new rules raise rulesVersion' })
  @ApiOkResponse({ type: GroupDto })
  update(@Param('groupId', GroupIdPipe) groupId: string, @CurrentUser() user: AuthUser, @Body() dto: UpdateGroupDto): Promise<GroupDto> {
    return this.groups.update(groupId, user.id, dto);
  }

  @Post(':groupId/join')
  @ApiOperation({ summary: 'Join (201, active) or apply (202, pending); acceptRulesVersion is required when the group has rules' })
  @ApiCreatedResponse({ type: MembershipDto, description: 'Joined: status active' })
  @ApiAcceptedResponse({ type: MembershipDto, description: 'Applied: status pending until a moderator approves' })
  async join(
    @Param('groupId', GroupIdPipe) groupId: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: JoinGroupDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MembershipDto> {
    const result = await this.membership.join(groupId, user.id, dto);
    void reply.status(result.status === 'pending' ? 202 : 201);
    return result;
  }

  @Post(':groupId/rules/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the current rules version (needed again after each change before posting)' })
  @ApiOkResponse({ type: MembershipDto })
  acceptRules(@Param('groupId', GroupIdPipe) groupId: string, @CurrentUser() user: AuthUser, @Body() dto: AcceptRulesDto): Promise<MembershipDto> {
    return this.membership.acceptRules(groupId, user.id, dto);
  }

  @Post(':groupId/leave')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave the group, withdraw an application or decline an invitation; the last owner cannot leave' })
  @ApiNoContentResponse()
  leave(@Param('groupId', GroupIdPipe) groupId: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.membership.leave(groupId, user.id);
  }
}
