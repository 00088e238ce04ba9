import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, OptionalUser, Public } from '../../common/auth/decorators';
import { MeDto, UpdateProfileDto, UserProfileDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @ApiOperation({ summary: 'The caller\'s own profile' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.users.me(user.id);
  }

  @Patch('me')
  @ApiOperation({ summary: 'Edit the caller\'s profile' })
  @ApiOkResponse({ type: MeDto })
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<MeDto> {
    return this.users.updateMe(user.id, dto);
  }

  @Public()
  @Get('users/:userId')
  @ApiOperation({ summary: 'A user\'s profile, by id or handle' })
  @ApiOkResponse({ type: UserProfileDto })
  profile(@Param('userId') userId: string, @OptionalUser() viewer: AuthUser | null): Promise<UserProfileDto> {
    return this.users.profile(userId, viewer?.id ?? null);
  }
}
