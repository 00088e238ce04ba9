import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public } from '../../common/auth/decorators';
import { IdParamPipe } from '../../common/id-param.pipe';
import { Page, PageOf } from '../../common/pagination';
import { BanMemberDto, ChangeRoleDto, InviteDto, MemberDto, MembersQueryDto, RejectApplicantDto } from './dto/member.dto';
import { GroupIdPipe } from './group-id.pipe';
import { MemberModerationService } from './member-moderation.service';
import { MembershipService } from './membership.service';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('groups/:groupId')
export class MembersController {
  constructor(
    private readonly membership: MembershipService,
    private readonly moderation: MemberModerationService,
  ) {}

  @Public()
  @Get('members')
  @ApiOperation({ summary: 'Members by user id; status other than active (pending, invited, banned…) for moderators only' })
  @ApiOkResponse({ type: PageOf(MemberDto) })
  list(@Param('groupId', GroupIdPipe) groupId: string, @OptionalUser() user: AuthUser | null, @Query() query: MembersQueryDto): Promise<Page<MemberDto>> {
    return this.membership.listMembers(groupId, user?.id ?? null, query);
  }

  @Post('members/:userId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a pending applicant (moderators)' })
  @ApiOkResponse({ type: MemberDto })
  approve(@Param('groupId', GroupIdPipe) groupId: string, @Param('userId', IdParamPipe) userId: string, @CurrentUser() user: AuthUser): Promise<MemberDto> {
    return this.moderation.approve(groupId, user.id, userId);
  }

  @Post('members/:userId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Turn down a pending applicant (moderators); they may apply again' })
  @ApiOkResponse({ type: MemberDto })
  reject(
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('userId', IdParamPipe) userId: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: RejectApplicantDto,
  ): Promise<MemberDto> {
    return this.moderation.reject(groupId, user.id, userId, dto.reason ?? null);
  }

  @Patch('members/:userId')
  @ApiOperation({ summary: 'Change a member\'s role (owners); the last owner cannot be demoted' })
  @ApiOkResponse({ type: MemberDto })
  changeRole(
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('userId', IdParamPipe) userId: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangeRoleDto,
  ): Promise<MemberDto> {
    return this.moderation.changeRole(groupId, user.id, userId, dto.role);
  }

  @Post('members/:userId/ban')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ban a user from the group (moderators; owners to ban moderators); access ends at once' })
  @ApiOkResponse({ type: MemberDto })
  ban(
    @Param('groupId', GroupIdPipe) groupId: string,
    @Param('userId', IdParamPipe) userId: string,
    @CurrentUser() user: AuthUser,
    @Body() dto: BanMemberDto,
  ): Promise<MemberDto> {
    return this.moderation.ban(groupId, user.id, userId, dto.reason);
  }

  @Delete('members/:userId/ban')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift a ban (moderators); the user may join again' })
  @ApiNoContentResponse()
  async unban(@Param('groupId', GroupIdPipe) groupId: string, @Param('userId', IdParamPipe) userId: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.moderation.unban(groupId, user.id, userId);
  }

  @Post('invites')
  @ApiOperation({ summary: 'Invite a user (moderators); an invitation admits them whatever the join policy' })
  @ApiCreatedResponse({ type: MemberDto })
  invite(@Param('groupId', GroupIdPipe) groupId: string, @CurrentUser() user: AuthUser, @Body() dto: InviteDto): Promise<MemberDto> {
    return this.moderation.invite(groupId, user.id, dto.userId);
  }
}
