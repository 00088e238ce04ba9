/**
 * DataSource for scripts (scripts/migration.js, seeding). Reads the same environment as the
 * server through loadConfig(), so it points where `npm start` would.
 */
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig()));
