/** Recognises database errors by driver code, on SQLite and PostgreSQL alike. */
interface DriverError {
  code?: string;
  driverError?: { code?: string; message?: string; constraint?: string; detail?: string };
  message?: string;
}

export function isUniqueViolation(err: unknown, column?: string): boolean {
  const e = err as DriverError;
  const code = e?.driverError?.code ?? e?.code;
  const text = `${e?.driverError?.message ?? e?.message ?? ''} ${e?.driverError?.detail ?? ''} ${e?.driverError?.constraint ?? ''}`;
  const unique =
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  if (!unique) return false;
  return column === undefined || text.includes(column);
}

export function isForeignKeyViolation(err: unknown): boolean {
  const e = err as DriverError;
  const code = e?.driverError?.code ?? e?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** PostgreSQL asks for a retry on serialization failures and deadlocks. */
export function isRetryableTransactionError(err: unknown): boolean {
  const e = err as DriverError;
  const code = e?.driverError?.code ?? e?.code;
  return code === '40001' || code === '40P01';
}

/**
 * Messages of the pg driver and TypeORM when a connection is lost mid-request (PostgreSQL
 * restarted or unreachable): they carry no SQLSTATE code. A unit of work whose connection died
 * finds its query runner released; its transaction was rolled back with the connection.
 */
const LOST_CONNECTION =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Query runner already released/i;

/** The store cannot take writes right now: read-only file, full disk, lost connection. */
export function isStoreUnavailable(err: unknown): boolean {
  const e = err as DriverError & { name?: string };
  const code = e?.driverError?.code ?? e?.code ?? '';
  if (
    e?.name === 'QueryRunnerAlreadyReleasedError' ||
    LOST_CONNECTION.test(`${e?.driverError?.message ?? ''} ${e?.message ?? ''}`)
  )
    return true;
  return (
    code === 'SQLITE_READONLY' ||
    code.startsWith('SQLITE_READONLY_') ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_IOERR' ||
    code.startsWith('SQLITE_IOERR_') ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === '57P01' ||
    code === '57P03' ||
    code === '53100' ||
    code.startsWith('08')
  );
}
