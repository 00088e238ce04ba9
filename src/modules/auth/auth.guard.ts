import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { PUBLIC_ROUTE } from '../../common/auth/decorators';
import { TokenService } from './token.service';

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m ? m[1] : null;
}

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked @Public(); on
 * public routes a valid token still identifies the caller.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    const user = await this.tokens.resolve(bearerToken(request.headers.authorization));
    if (user) request.user = user;
    if (!user && !isPublic) {
      throw new UnauthorizedException(
        request.headers.authorization ? 'access token is invalid, expired or revoked' : 'sign in first: send Authorization: Bearer <accessToken>',
      );
    }
    return true;
  }
}
