import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';

/** Where the interceptor leaves the command's name on the request, for GracefulShutdown's request hook to count. */
export const COMMAND_NAME = Symbol('channel-ledger:command-name');

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Names the command a write request carries, from its handler: `PurchaseSubscription.purchase`
 * for PurchaseSubscriptionController.purchase. The outcome is counted when the response is done
 * (by status: accepted, invalid, refused, conflict, …) in `channel_ledger_commands_total`; this
 * runs after the guards, so a request refused for its credentials is an HTTP request, not a command.
 */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<{ method?: string; [COMMAND_NAME]?: string }>();
      if (request.method && WRITES.has(request.method)) {
        request[COMMAND_NAME] = `${context.getClass().name.replace(/Controller$/, '')}.${context.getHandler().name}`;
      }
    }
    return next.handle();
  }
}
