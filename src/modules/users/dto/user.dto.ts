import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsTagList } from '../../../common/tags';
import { User } from '../entities/user.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateProfileDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ pattern: '^[a-z0-9_]{3,30}$', description: 'What @mentions name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Matches(/^[a-z0-9_]{3,30}$/, { message: 'handle must be 3-30 characters of a-z, 0-9 or _' })
  handle?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  headline?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  bio?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: 'Expertise tags, [a-z0-9-]{1,30}' })
  @IsOptional()
  @IsTagList(20)
  expertise?: string[];
}

/** What anyone may see of a user. */
export class PublicUserDto {
  @ApiProperty() id: string;
  @ApiProperty() handle: string;
  @ApiProperty() displayName: string;
  @ApiProperty() headline: string;
}

export class ProfileDto extends PublicUserDto {
  @ApiProperty() bio: string;
  @ApiProperty({ type: [String] }) expertise: string[];
  @ApiProperty() createdAt: string;
}

/** The caller's own profile: adds the e-mail address. */
export class MeDto extends ProfileDto {
  @ApiProperty() email: string;
}

export class UserProfileDto extends ProfileDto {
  @ApiProperty({ type: Number, nullable: true, enum: [1, 2, 3], description: 'Connection degree from the caller; null when further or unknown' })
  degree: 1 | 2 | 3 | null;

  @ApiProperty({ description: 'How many 1st-degree connections the caller and this user share' })
  mutualConnections: number;
}

export function toPublicUser(u: Pick<User, 'id' | 'handle' | 'displayName' | 'headline'>): PublicUserDto {
  return { id: u.id, handle: u.handle, displayName: u.displayName, headline: u.headline };
}

export function toProfile(u: User, expertise: string[]): ProfileDto {
  return { ...toPublicUser(u), bio: u.bio, expertise, createdAt: u.createdAt.toISOString() };
}

export function toMe(u: User, expertise: string[]): MeDto {
  return { ...toProfile(u, expertise), email: u.email };
}
