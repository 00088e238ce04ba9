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
  const unique = code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
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

/** The store cannot take writes right now: read-only file, full disk, lost connection. */
export function isStoreUnavailable(err: unknown): boolean {
  const e = err as DriverError;
  const code = e?.driverError?.code ?? e?.code ?? '';
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
