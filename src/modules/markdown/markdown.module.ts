import { Module } from '@nestjs/common';
import { MarkdownController } from './markdown.controller';

@Module({ controllers: [MarkdownController] })
export class MarkdownModule {}
