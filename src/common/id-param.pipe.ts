import { BadRequestException, Injectable, PipeTransform, ArgumentMetadata } from '@nestjs/common';
import { isId } from './ids';

/** Route ids are ULIDs; anything else is a 400 naming the parameter. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isId(value)) throw new BadRequestException([`${metadata.data ?? 'id'} must be a valid id`]);
    return value;
  }
}
