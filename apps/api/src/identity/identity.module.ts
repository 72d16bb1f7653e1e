import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { Authenticator } from '../access/authenticator';
import { ProjectionsModule } from '../projections/projections.module';
import { AccessTokens } from './access-tokens';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { CreateApiKeyHandler, RevokeApiKeyHandler } from './api-keys/api-keys.handlers';
import { Directory } from './directory';
import { ListApiKeysHandler } from './api-keys/list-api-keys/list-api-keys.handler';
import { SignInController } from './sign-in/sign-in.controller';
import { EndSessionHandler, RefreshSessionHandler, RequestSignInLinkHandler, StartSessionHandler } from './sign-in/sign-in.handlers';
import { StaffAccountsController } from './staff-accounts/staff-accounts.controller';
import { ChangeStaffAccountHandler } from './staff-accounts/staff-accounts.handler';
import { TokenAuthenticator } from './token-authenticator';

/** Who is calling: sign-in links, sessions, API keys, staff accounts; the access guard's authenticator. */
@Module({
  imports: [JwtModule.register({}), ProjectionsModule],
  controllers: [SignInController, ApiKeysController, StaffAccountsController],
  providers: [
    AccessTokens,
    Directory,
    { provide: Authenticator, useClass: TokenAuthenticator },
    RequestSignInLinkHandler,
    StartSessionHandler,
    RefreshSessionHandler,
    EndSessionHandler,
    CreateApiKeyHandler,
    RevokeApiKeyHandler,
    ListApiKeysHandler,
    ChangeStaffAccountHandler,
  ],
  exports: [Authenticator, Directory],
})
export class IdentityModule {}
