import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination';
import { Group, GroupVisibility, JoinPolicy } from '../entities/group.entity';
import { GroupRole, Membership, MembershipStatus } from '../entities/membership.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const VISIBILITIES: GroupVisibility[] = ['public', 'private'];
export const JOIN_POLICIES: JoinPolicy[] = ['open', 'approval', 'invite'];
export const ROLES: GroupRole[] = ['member', 'moderator', 'owner'];
export const MEMBERSHIP_STATUSES: MembershipStatus[] = ['active', 'pending', 'invited', 'rejected', 'banned', 'left'];

export class CreateGroupDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Rust in Production' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ maxLength: 2000, description: 'Plain text shown in listings (may be empty)' })
  @IsString()
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ maxLength: 20000, description: 'Markdown; members accept each version before posting' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  rules?: string;

  @ApiProperty({ enum: VISIBILITIES })
  @IsIn(VISIBILITIES)
  visibility: GroupVisibility;

  @ApiProperty({ enum: JOIN_POLICIES })
  @IsIn(JOIN_POLICIES)
  joinPolicy: JoinPolicy;
}

/** Any create field; changing `rules` raises `rulesVersion`. The slug stays (links keep working). */
export class UpdateGroupDto extends PartialType(CreateGroupDto) {}

export class ListGroupsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Words to find in the name or description' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only the caller\'s own groups (active, invited or pending)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;
}

/** The caller's own standing in a group. */
export class MembershipDto {
  @ApiProperty({ enum: ROLES }) role: GroupRole;
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) status: MembershipStatus;
  @ApiProperty({ description: 'The rules version the caller last accepted (0: none)' }) acceptedRulesVersion: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the caller was banned' }) banReason: string | null;
}

export class GroupDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'URL-safe and unique; accepted wherever :groupId is' }) slug: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Markdown as written' }) rules: string;
  @ApiProperty({ description: 'The rules rendered to sanitized HTML' }) rulesHtml: string;
  @ApiProperty({ description: 'Raised each time the rules change' }) rulesVersion: number;
  @ApiProperty({ enum: VISIBILITIES }) visibility: GroupVisibility;
  @ApiProperty({ enum: JOIN_POLICIES }) joinPolicy: JoinPolicy;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Active members; null for invitees and applicants of a private group, who see only its name, description and rules',
  })
  memberCount: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: MembershipDto, nullable: true, description: 'The caller\'s membership; null when none or anonymous' })
  membership: MembershipDto | null;
}

export function toMembershipResponse(m: Membership | null): MembershipDto | null {
  return m ? { role: m.role, status: m.status, acceptedRulesVersion: m.acceptedRulesVersion, banReason: m.banReason } : null;
}

/**
 * `limited`: what an invitee or applicant of a private group may see (name, description and
 * the rules they must accept to join), not how many members it has.
 */
export function toGroupResponse(g: Group, membership: Membership | null, limited = false): GroupDto {
  return {
    id: g.id,
    slug: g.slug,
    name: g.name,
    description: g.description,
    rules: g.rules,
    rulesHtml: g.rulesHtml,
    rulesVersion: g.rulesVersion,
    visibility: g.visibility,
    joinPolicy: g.joinPolicy,
    memberCount: limited ? null : g.memberCount,
    createdAt: g.createdAt.toISOString(),
    membership: toMembershipResponse(membership),
  };
}
