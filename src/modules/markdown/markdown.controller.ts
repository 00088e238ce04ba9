import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { renderMarkdown } from '../../common/markdown';
import { MarkdownPreviewDto, MarkdownPreviewResponseDto } from './dto/preview.dto';

/** Lets editors preview with the very renderer and sanitizer that saving uses. */
@ApiTags('markdown')
@ApiBearerAuth()
@Controller('markdown')
export class MarkdownController {
  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Render markdown exactly as a saved thread, reply or rules text would be (signed-in users)' })
  @ApiOkResponse({ type: MarkdownPreviewResponseDto })
  preview(@Body() dto: MarkdownPreviewDto): MarkdownPreviewResponseDto {
    return { html: renderMarkdown(dto.body) };
  }
}
