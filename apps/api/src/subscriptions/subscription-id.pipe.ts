import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputException } from '../http/invalid-input.exception';
import { KEY } from './dto-fields';

/**
 * Subscription ids are UUIDs when the API creates them, but imported and seeded ones are plain
 * keys; any key-shaped id is looked up (and an unknown one is a 404), anything else is bad input.
 */
@Injectable()
export class SubscriptionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!KEY.test(value)) {
      throw new InvalidInputException([{ field: 'path:subscriptionId', messages: ['must be a subscription id (letters, digits, . _ -)'] }]);
    }
    return value;
  }
}
