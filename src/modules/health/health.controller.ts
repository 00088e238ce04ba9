import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators';
import { DatabaseHealth } from '../../database/database-health';

export class HealthDto {
  @ApiProperty({ example: 'ok' }) status: 'ok';
  @ApiProperty({ example: 'ok' }) database: 'ok';
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DatabaseHealth) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable' })
  async health(): Promise<HealthDto> {
    const probe = await this.db.probe();
    if (!probe.ok) throw new ServiceUnavailableException(`database is unreachable: ${probe.reason}`);
    return { status: 'ok', database: 'ok' };
  }
}
