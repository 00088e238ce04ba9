import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { MeDto } from '../../users/dto/user.dto';

const normaliseEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.org' })
  @Transform(normaliseEmail)
  @IsString()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters long' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Ada Lovelace' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(100)
  displayName: string;
}

export class LoginDto {
  @ApiProperty()
  @Transform(normaliseEmail)
  @IsString()
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class AuthResponseDto {
  @ApiProperty({ type: MeDto }) user: MeDto;
  @ApiProperty({ description: 'Send as Authorization: Bearer <accessToken>' }) accessToken: string;
}
