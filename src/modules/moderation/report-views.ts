import { Injectable } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository';
import { ReportDto, toReportResponse } from './dto/report.dto';
import { Report } from './entities/report.entity';

/** Reports as answered: with their reporter and resolver loaded in one query per page. */
@Injectable()
export class ReportViews {
  constructor(private readonly users: UsersRepository) {}

  async toResponses(rows: Report[]): Promise<ReportDto[]> {
    const ids = new Set<string>();
    for (const r of rows) {
      ids.add(r.reporterId);
      if (r.resolvedById) ids.add(r.resolvedById);
    }
    const users = new Map((await this.users.findManyByIds([...ids])).map((u) => [u.id, u]));
    return rows.map((r) => toReportResponse(r, users));
  }
}
