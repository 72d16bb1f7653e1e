import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { apiKeysOf } from '@channel-ledger/projections';
import { ReadStore } from '@channel-ledger/read-store';
import { Allow } from '../../access/access.decorator';
import { CurrentPrincipal } from '../../access/current-principal.decorator';
import { Principal } from '../../access/principal';
import { CommandEnvelopeFactory } from '../../http/command-envelope.factory';
import { PageQueryDto } from '../../http/page-query.dto';
import { READ_STORE } from '../../infrastructure/read-store.provider';
import { CreateApiKeyCommand, CreatedApiKey, RevokeApiKeyCommand } from './api-keys.commands';
import { CreateApiKeyDto } from './api-keys.dto';

/** Machine credentials, made and revoked by an administrator of the tenant, for its own tenant. */
@ApiTags('api-keys')
@Controller('api-keys')
@Allow('reseller', 'vendor-admin', 'support', 'auditor', 'operator')
export class ApiKeysController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly envelopes: CommandEnvelopeFactory,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
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
    return apiKeysOf(this.readStore, { role: principal.role, tenantId: principal.tenantId }, query);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key of your tenant' })
  async revoke(@Param('keyId', new ParseUUIDPipe()) keyId: string, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<void> {
    await this.commandBus.execute(new RevokeApiKeyCommand(principal, keyId, this.envelopes.fromRequest(request)));
  }
}
