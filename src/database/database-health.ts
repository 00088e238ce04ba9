import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Asks the store whether it answers. */
@Injectable()
export class DatabaseHealth {
  constructor(private readonly dataSource: DataSource) {}

  async probe(): Promise<{ ok: true } | { ok: false; reason: string }> {
    try {
      if (!this.dataSource.isInitialized) return { ok: false, reason: 'not connected' };
      await this.dataSource.query('SELECT 1');
      return { ok: true };
    } catch (err) {
      return { ok: false, reason: (err as Error).message };
    }
  }
}
