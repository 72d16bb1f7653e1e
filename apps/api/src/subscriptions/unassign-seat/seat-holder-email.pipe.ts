import { Injectable, PipeTransform } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { InvalidInputException } from '../../http/invalid-input.exception';

/** The address in the path, checked like the one in the assignment body and compared lower-cased. */
@Injectable()
export class SeatHolderEmailPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const email = value.trim().toLowerCase();
    if (email.length > 254 || !isEmail(email)) {
      throw new InvalidInputException([{ field: 'path:email', messages: ['must be the e-mail address of the person holding the seat'] }]);
    }
    return email;
  }
}
