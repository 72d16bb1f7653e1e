import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../access/access.decorator';
import { CheckpointKeyResponse, IntegrityStatusResponse } from '../audit-ledger.responses';
import { CheckpointWithKey, IntegrityStatus, IntegrityStatusQuery, LatestCheckpointQuery } from './integrity.queries';

@ApiTags('audit: integrity')
@Controller('audit')
export class IntegrityController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('integrity')
  @Allow('auditor', 'support', 'operator')
  @ApiOperation({ summary: 'Whether the running ledger matches its last signed checkpoint, and which streams it refused to append to' })
  @ApiOkResponse({ type: IntegrityStatusResponse })
  status(): Promise<IntegrityStatus> {
    return this.queryBus.execute(new IntegrityStatusQuery());
  }

  @Get('checkpoints/latest')
  @Allow('auditor', 'support')
  @ApiOperation({ summary: 'The latest signed checkpoint of the log head, and the public key it verifies under (write the digest down)' })
  @ApiOkResponse({ type: CheckpointKeyResponse })
  latest(): Promise<CheckpointWithKey> {
    return this.queryBus.execute(new LatestCheckpointQuery());
  }
}
