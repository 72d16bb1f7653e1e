import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CustomerOrganization, OrganizationSearch, Page } from '@channel-ledger/projections';
import { Allow } from '../../access/access.decorator';
import { InvalidInputException } from '../../http/invalid-input.exception';
import { SearchOrganizationsQuery } from './search-organizations.query';
import { SearchOrganizationsQueryDto } from './search-organizations.dto';

@ApiTags('support')
@Controller('support/organizations')
export class SearchOrganizationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('support', 'auditor')
  @ApiOperation({ summary: "Find customer organizations by a contact's address or by the start of the company name" })
  @ApiResponse({ status: 400, description: 'problem codes: invalid-input (give exactly one of email, name)' })
  search(@Query() query: SearchOrganizationsQueryDto): Promise<Page<CustomerOrganization>> {
    return this.queryBus.execute(new SearchOrganizationsQuery(searchOf(query), { cursor: query.cursor, limit: query.limit }));
  }
}

function searchOf({ email, name }: SearchOrganizationsQueryDto): OrganizationSearch {
  if (email !== undefined && name === undefined) return { email };
  if (name !== undefined && email === undefined) return { name };
  throw new InvalidInputException([{ field: 'query', messages: ['give exactly one of email, name'] }]);
}
