import type { DescribeContext } from './context';

/** For event types this projection does not know yet: never silent, never a crash. */
export function describeUnknownEvent(context: DescribeContext): string {
  return `${context.type} recorded on ${context.streamId}`;
}
