import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ID_PATTERN } from '../../../common/ids';
import { PageQueryDto } from '../../../common/pagination';
import { GROUP_REF_PATTERN } from '../../groups/slugs';
import { PublicUserDto, toPublicUser } from '../../users/dto/user.dto';
import type { User } from '../../users/entities/user.entity';
import { Report, ReportAction, ReportStatus } from '../entities/report.entity';
import type { ReportTargetType } from '../report-targets';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const REPORT_TARGET_TYPES: ReportTargetType[] = ['thread', 'reply', 'user'];
export const REPORT_STATUSES: ReportStatus[] = ['open', 'resolved'];
export const REPORT_ACTIONS: ReportAction[] = ['dismiss', 'remove'];

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_TARGET_TYPES })
  @IsIn(REPORT_TARGET_TYPES)
  targetType: ReportTargetType;

  @ApiProperty({ description: 'Id of the thread, reply or user' })
  @IsString()
  @Matches(ID_PATTERN, { message: 'targetId must be a valid id' })
  targetId: string;

  @ApiPropertyOptional({ description: 'Group id or slug: required when targetType is user (a user is reported in a group)' })
  @ValidateIf((o: CreateReportDto) => o.targetType === 'user' || o.groupId !== undefined)
  @IsString({ message: 'groupId is required when targetType is user' })
  @Matches(GROUP_REF_PATTERN, { message: 'groupId must be a group id or slug' })
  groupId?: string;

  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'What is wrong, for the moderators' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class ResolveReportDto {
  @ApiProperty({ enum: REPORT_ACTIONS, description: 'remove: delete the thread or reply, or ban the reported user' })
  @IsIn(REPORT_ACTIONS)
  action: ReportAction;

  @ApiPropertyOptional({ maxLength: 1000, description: 'For the audit log and the other moderators' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_STATUSES, description: 'Omitted: every report' })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

export class ReportResolutionDto {
  @ApiProperty({ enum: REPORT_ACTIONS }) action: ReportAction;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: PublicUserDto, nullable: true }) resolvedBy: PublicUserDto | null;
  @ApiProperty() resolvedAt: string;
}

export class ReportDto {
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty({ enum: REPORT_TARGET_TYPES }) targetType: ReportTargetType;
  @ApiProperty() targetId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ type: PublicUserDto, nullable: true }) reporter: PublicUserDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: ReportResolutionDto, nullable: true, description: 'null while open' }) resolution: ReportResolutionDto | null;
}

export function toReportResponse(r: Report, users: Map<string, User>): ReportDto {
  const user = (id: string | null) => {
    const u = id ? users.get(id) : undefined;
    return u ? toPublicUser(u) : null;
  };
  return {
    id: r.id,
    groupId: r.groupId,
    targetType: r.targetType,
    targetId: r.targetId,
    reason: r.reason,
    status: r.status,
    reporter: user(r.reporterId),
    createdAt: r.createdAt.toISOString(),
    resolution:
      r.status === 'resolved' && r.action && r.resolvedAt
        ? { action: r.action, note: r.resolutionNote, resolvedBy: user(r.resolvedById), resolvedAt: r.resolvedAt.toISOString() }
        : null,
  };
}
