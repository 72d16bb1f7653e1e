import { ContactDto } from '../organization.dto';

/** The contact that takes the role (PUT replaces whoever held it). */
export class ChangeContactDto extends ContactDto {}
