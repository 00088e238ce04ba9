import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { ID_PATTERN } from '../../../common/ids';
import { PageQueryDto } from '../../../common/pagination';
import { PublicUserDto, toPublicUser } from '../../users/dto/user.dto';
import type { User } from '../../users/entities/user.entity';
import { GroupRole, Membership, MembershipStatus } from '../entities/membership.entity';
import { MEMBERSHIP_STATUSES, ROLES } from './group.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class JoinGroupDto {
  @ApiPropertyOptional({ minimum: 0, description: 'The current rulesVersion; required when the group has rules' })
  @IsOptional()
  @IsInt()
  @Min(0)
  acceptRulesVersion?: number;
}

export class AcceptRulesDto {
  @ApiProperty({ minimum: 0, description: 'The rulesVersion the member accepts: the current one' })
  @IsInt()
  @Min(0)
  version: number;
}

export class MembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: GroupRole;

  @ApiPropertyOptional({ enum: MEMBERSHIP_STATUSES, default: 'active', description: 'Other than active: moderators only' })
  @IsOptional()
  @IsIn(MEMBERSHIP_STATUSES)
  status?: MembershipStatus;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: GroupRole;
}

export class BanMemberDto {
  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Shown to the banned user' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class RejectApplicantDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Kept in the audit log' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class InviteDto {
  @ApiProperty({ description: 'The user to invite' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'userId must be a valid id' })
  userId: string;
}

/** A row of the members list. Moderators also see rules acceptance and ban reasons. */
export class MemberDto {
  @ApiProperty({ type: PublicUserDto }) user: PublicUserDto;
  @ApiProperty({ enum: ROLES }) role: GroupRole;
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) status: MembershipStatus;
  @ApiProperty({ type: String, nullable: true, description: 'When the membership last became active' }) joinedAt: string | null;
  @ApiPropertyOptional({ description: 'Moderators only: the rules version this member accepted (0: none)' })
  acceptedRulesVersion?: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Moderators only: why the user was banned' })
  banReason?: string | null;
}

export function toMemberResponse(m: Membership, user: User, forModerator: boolean): MemberDto {
  const row: MemberDto = { user: toPublicUser(user), role: m.role, status: m.status, joinedAt: m.joinedAt?.toISOString() ?? null };
  if (forModerator) {
    row.acceptedRulesVersion = m.acceptedRulesVersion;
    row.banReason = m.banReason;
  }
  return row;
}
