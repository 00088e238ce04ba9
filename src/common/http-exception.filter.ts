import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isStoreUnavailable, isUniqueViolation } from '../database/db-errors';
import { RateLimitedException } from './rate-limit/rate-limiter';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Messages for Fastify's own 4xx errors (raised before a route handler runs). */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request body is empty but content-type is application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request body is larger than the 256 kB limit',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'content-type is not supported; send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'content-length does not match the body',
};

const logger = new Logger('Errors');

/**
 * Turns anything thrown into the error shape of API.md. Known 4xx keep their status and
 * message; store outages become 503; anything else is logged with its request id and
 * answered as a bare 500.
 */
export function toErrorBody(exception: unknown, requestId?: string): ErrorBody {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    let message: string | string[] = exception.message;
    let error = STATUS_TEXT[status] ?? 'Error';
    const cause = (exception as { cause?: { code?: string } }).cause;
    if (cause?.code && FASTIFY_MESSAGES[cause.code]) return { statusCode: status, error, message: FASTIFY_MESSAGES[cause.code] };
    if (typeof res === 'string') message = res;
    else if (res && typeof res === 'object') {
      const r = res as { message?: string | string[]; error?: string };
      if (r.message !== undefined) message = r.message;
      if (typeof r.error === 'string' && r.error !== message) error = r.error;
    }
    return { statusCode: status, error, message };
  }
  const fe = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      statusCode: fe.statusCode,
      error: STATUS_TEXT[fe.statusCode] ?? 'Error',
      message: (fe.code && FASTIFY_MESSAGES[fe.code]) || fe.message || 'bad request',
    };
  }
  if (isUniqueViolation(exception)) {
    return { statusCode: 409, error: 'Conflict', message: 'this already exists' };
  }
  if (isStoreUnavailable(exception)) {
    logger.error(`store unavailable (request ${requestId ?? '-'}): ${(exception as Error).message}`);
    return {
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'the database cannot take this request right now; nothing was changed, please retry shortly',
    };
  }
  logger.error(
    `unexpected error (request ${requestId ?? '-'}): ${(exception as Error)?.stack ?? String(exception)}`,
  );
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'internal error' };
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = toErrorBody(exception, request?.id);
    if (body.statusCode === 503) void reply.header('retry-after', '5');
    if (exception instanceof RateLimitedException) void reply.header('retry-after', String(exception.retryAfter));
    void reply.status(body.statusCode).send(body);
  }
}
