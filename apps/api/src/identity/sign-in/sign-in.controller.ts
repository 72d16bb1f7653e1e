import { Body, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Allow, Public } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal, ROLES } from '../../access/principal';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { EndSessionCommand, RefreshSessionCommand, RequestSignInLinkCommand, SessionTokens, StartSessionCommand } from './sign-in.commands';
import { RefreshSessionDto, RequestSignInLinkDto, StartSessionDto } from './sign-in.dto';

const LINK_SENT = 'If this address has an account, a sign-in link valid for 24 hours is on its way.';

@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
  ) {}

  @Post('sign-in-links')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a one-time sign-in link (answers the same whether the address is known or not)' })
  async requestLink(@Body() body: RequestSignInLinkDto, @Req() request: Request): Promise<{ message: string }> {
    await this.commandBus.execute(new RequestSignInLinkCommand(body.email, this.envelopes.fromRequest(request)));
    return { message: LINK_SENT };
  }

  @Post('sessions')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: 'Redeem a sign-in link: an access token (short-lived JWT) and a refresh token' })
  @ApiResponse({
    status: 422,
    description:
      'problem codes: sign-in-link-invalid, sign-in-link-already-used, sign-in-link-expired, choose-membership, membership-not-held',
  })
  startSession(@Body() body: StartSessionDto, @Req() request: Request): Promise<SessionTokens> {
    return this.commandBus.execute(new StartSessionCommand(body, this.envelopes.fromRequest(request)));
  }

  @Post('sessions/refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)' })
  @ApiResponse({ status: 422, description: 'problem codes: session-invalid' })
  refresh(@Body() body: RefreshSessionDto, @Req() request: Request): Promise<SessionTokens> {
    return this.commandBus.execute(new RefreshSessionCommand(body, this.envelopes.fromRequest(request)));
  }

  @Delete('session')
  @Allow(...ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends, its access and refresh tokens stop working' })
  async signOut(@CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<void> {
    if (principal.sessionId) await this.commandBus.execute(new EndSessionCommand(principal.sessionId, this.envelopes.fromRequest(request)));
  }

  @Get('me')
  @Allow(...ROLES)
  @ApiOperation({ summary: 'Who the caller is signed in as' })
  me(@CurrentPrincipal() principal: Principal) {
    const { via, role, tenantId, subject, readOnly } = principal;
    return { via, role, tenantId, subject, readOnly };
  }
}
