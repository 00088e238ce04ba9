import { createParamDecorator, ExecutionContext, SetMetadata, UnauthorizedException } from '@nestjs/common';
import type { AuthUser } from './auth-user';

export const PUBLIC_ROUTE = 'kring:public';

/** Route readable without signing in; the caller is still attached when a valid token is sent. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

interface RequestWithUser {
  user?: AuthUser;
}

/** The signed-in caller (routes that are not @Public always have one). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new UnauthorizedException('sign in first');
  return user;
});

/** The caller if signed in, else null (for @Public routes). */
export const OptionalUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser | null => ctx.switchToHttp().getRequest<RequestWithUser>().user ?? null,
);
