import { ApiProperty } from '@nestjs/swagger';
import { PublicUserDto, toPublicUser } from '../../users/dto/user.dto';
import type { User } from '../../users/entities/user.entity';
import { AuditEntry } from '../entities/audit-entry.entity';

const TARGET_TYPES: AuditEntry['targetType'][] = ['group', 'user', 'thread', 'reply', 'report', 'event'];

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'member.ban', description: 'member.approve|reject|invite|role|ban|unban, group.update|rules, report.dismiss|remove, thread.* …' })
  action: string;
  @ApiProperty({ type: PublicUserDto, nullable: true, description: 'Who acted' }) actor: PublicUserDto | null;
  @ApiProperty({ enum: TARGET_TYPES }) targetType: AuditEntry['targetType'];
  @ApiProperty() targetId: string;
  @ApiProperty({ type: PublicUserDto, nullable: true, description: 'The user acted upon, when the target is a user' })
  targetUser: PublicUserDto | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Facts of the action, e.g. { from, to } of a role change' })
  data: Record<string, unknown> | null;
  @ApiProperty() createdAt: string;
}

export function toAuditEntryResponse(e: AuditEntry, users: Map<string, User>): AuditEntryDto {
  const actor = users.get(e.actorId);
  const target = e.targetType === 'user' ? users.get(e.targetId) : undefined;
  return {
    id: e.id,
    action: e.action,
    actor: actor ? toPublicUser(actor) : null,
    targetType: e.targetType,
    targetId: e.targetId,
    targetUser: target ? toPublicUser(target) : null,
    reason: e.reason,
    data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null,
    createdAt: e.createdAt.toISOString(),
  };
}
