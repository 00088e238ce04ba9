import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { IdParamPipe } from '../../common/id-param.pipe';
import { Page, PageOf, PageQueryDto } from '../../common/pagination';
import { GroupIdPipe } from '../groups/group-id.pipe';
import { AuditLogService } from './audit-log.service';
import { AuditEntryDto } from './dto/audit-entry.dto';
import { CreateReportDto, ReportDto, ReportsQueryDto, ResolveReportDto } from './dto/report.dto';
import { ReportResolutionService } from './report-resolution.service';
import { ReportsService } from './reports.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(
    private readonly reports: ReportsService,
    private readonly resolution: ReportResolutionService,
    private readonly auditLog: AuditLogService,
  ) {}

  @Post('reports')
  @ApiOperation({ summary: 'Report a thread, reply or user to the group\'s moderators (members; one open report per target)' })
  @ApiCreatedResponse({ type: ReportDto })
  report(@CurrentUser() user: AuthUser, @Body() dto: CreateReportDto): Promise<ReportDto> {
    return this.reports.create(user.id, dto);
  }

  @Get('groups/:groupId/reports')
  @ApiOperation({ summary: 'The group\'s reports, newest first (moderators)' })
  @ApiOkResponse({ type: PageOf(ReportDto) })
  list(@Param('groupId', GroupIdPipe) groupId: string, @CurrentUser() user: AuthUser, @Query() query: ReportsQueryDto): Promise<Page<ReportDto>> {
    return this.reports.list(groupId, user.id, query);
  }

  @Post('reports/:reportId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a report or remove what it is about (a user: ban); audit-logged (moderators)' })
  @ApiOkResponse({ type: ReportDto })
  resolve(@Param('reportId', IdParamPipe) reportId: string, @CurrentUser() user: AuthUser, @Body() dto: ResolveReportDto): Promise<ReportDto> {
    return this.resolution.resolve(reportId, user.id, dto);
  }

  @Get('groups/:groupId/audit-log')
  @ApiOperation({ summary: 'Moderator and owner actions in the group, newest first (moderators)' })
  @ApiOkResponse({ type: PageOf(AuditEntryDto) })
  audit(@Param('groupId', GroupIdPipe) groupId: string, @CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<AuditEntryDto>> {
    return this.auditLog.page(groupId, user.id, query);
  }
}
