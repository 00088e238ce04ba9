import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { AuthUser } from '../../common/auth/auth-user';
import { UsersRepository } from '../users/users.repository';

interface TokenPayload {
  sub: string;
  /** The user's token version when issued; logout raises it. */
  tv: number;
}

/** Issues access tokens and resolves them to the signed-in user (also used by the socket gateway). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(userId: string, tokenVersion: number): string {
    const payload: TokenPayload = { sub: userId, tv: tokenVersion };
    return this.jwt.sign(payload, { expiresIn: this.config.jwtTtlSeconds });
  }

  /** The token's user, or null when the token is malformed, expired, revoked or its user is gone. */
  async resolve(token: string | undefined | null): Promise<AuthUser | null> {
    if (!token || typeof token !== 'string') return null;
    let payload: TokenPayload;
    try {
      payload = this.jwt.verify<TokenPayload>(token);
    } catch {
      return null;
    }
    if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number') return null;
    const user = await this.users.findById(payload.sub);
    if (!user || user.tokenVersion !== payload.tv) return null;
    return { id: user.id, handle: user.handle, displayName: user.displayName };
  }
}
