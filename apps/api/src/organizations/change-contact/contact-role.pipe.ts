import { PipeTransform } from '@nestjs/common';
import { ContactRole } from '@channel-ledger/domain';
import { InvalidInputException } from '../../http/invalid-input.exception';
import { CONTACT_ROLES } from '../organization.dto';

/** A contact role in the path; anything else is bad input (400), not a missing resource. */
export class ContactRolePipe implements PipeTransform<string, ContactRole> {
  transform(value: string): ContactRole {
    if ((CONTACT_ROLES as readonly string[]).includes(value)) return value as ContactRole;
    throw new InvalidInputException([{ field: 'path:role', messages: [`role must be one of ${CONTACT_ROLES.join(', ')}`] }]);
  }
}
