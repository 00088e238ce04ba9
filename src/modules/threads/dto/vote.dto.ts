import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';
import { ID_PATTERN } from '../../../common/ids';

export class VoteDto {
  @ApiProperty({ enum: [1, -1, 0], description: '1 up, -1 down, 0 withdraws the vote' })
  @IsIn([1, -1, 0], { message: 'value must be 1, -1 or 0' })
  value: 1 | -1 | 0;
}

export class VoteResultDto {
  @ApiProperty({ description: "The target's score after this vote" }) score: number;
  @ApiProperty({ enum: [1, -1, 0], description: "The caller's vote now" }) vote: 1 | -1 | 0;
}

export class AcceptReplyDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'An answer of this thread; null withdraws the acceptance',
  })
  @ValidateIf((_, v) => v !== null)
  @Matches(ID_PATTERN, { message: 'replyId must be a valid id or null' })
  replyId: string | null;
}
