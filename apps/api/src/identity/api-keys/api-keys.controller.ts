import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { PageQueryDto } from '../../http/page-query.dto';
import { CreateApiKeyCommand, CreatedApiKey, RevokeApiKeyCommand } from './api-keys.commands';
import { CreateApiKeyDto } from './api-keys.dto';
import { ListApiKeysQuery } from './list-api-keys/list-api-keys.query';

/** Machine credentials, made and revoked by an administrator of the tenant, for its own tenant. */
@ApiTags('api-keys')
@Controller('api-keys')
@Allow('reseller', 'vendor-admin', 'support', 'auditor', 'operator')
export class ApiKeysController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
    private readonly queryBus: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an API key with your role and tenant; the key is shown once' })
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedApiKey> {
    const created = await this.commandBus.execute(new CreateApiKeyCommand(principal, body, this.envelopes.fromRequest(request)));
    response.location(`/api-keys/${created.keyId}`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: "Your tenant's API keys (never their secrets)" })
  list(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListApiKeysQuery(principal, query));
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key of your tenant' })
  async revoke(
    @Param('keyId', new ParseUUIDPipe()) keyId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
  ): Promise<void> {
    await this.commandBus.execute(new RevokeApiKeyCommand(principal, keyId, this.envelopes.fromRequest(request)));
  }
}
