import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { GROUP_REF_PATTERN } from './slugs';

/** `:groupId` is a group's id (ULID) or its slug; anything else is a 400 naming the parameter. */
@Injectable()
export class GroupIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (GROUP_REF_PATTERN.test(value)) return value;
    throw new BadRequestException([`${metadata.data ?? 'groupId'} must be a group id or slug`]);
  }
}
