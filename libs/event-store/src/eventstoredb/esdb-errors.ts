/**
 * What a failure of the EventStoreDB client means for the adapter, by the client's own error
 * types (`error.type`, an ErrorType value of @eventstore/db-client's CommandError; compared by
 * value so it holds across module instances).
 */
import { ErrorType } from '@eventstore/db-client';
import { MalformedStoredEventError } from './esdb-mapping';

export interface SubscriptionFailure {
  /** Retrying cannot help: stop and say why. */
  permanent: boolean;
  reason: string;
}

/** After this many consecutive not-leader answers, a subscription stops instead of retrying. */
export const MAX_CONSECUTIVE_NOT_LEADER = 5;

export function errorType(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A dropped $all subscription: transient (server restart, leader election, network: resubscribe)
 * or permanent (access denied, an unreadable event, a request the server refuses as such).
 * `consecutiveNotLeader` counts not-leader answers in a row including this one: the client moves
 * to the leader it names, so a few are normal during an election; many mean the connection
 * string keeps it on a node that cannot serve (e.g. nodePreference=leader with requiresLeader).
 */
export function classifySubscriptionError(error: unknown, consecutiveNotLeader = 0): SubscriptionFailure {
  if (error instanceof MalformedStoredEventError) return { permanent: true, reason: error.message };
  switch (errorType(error)) {
    case ErrorType.ACCESS_DENIED:
      return {
        permanent: true,
        reason:
          'EventStoreDB denied access to $all: the user in EVENTSTORE_CONNECTION_STRING must be allowed to read $all ' +
          `(an admin or ops user) (${messageOf(error)})`,
      };
    case ErrorType.NOT_LEADER:
      return consecutiveNotLeader >= MAX_CONSECUTIVE_NOT_LEADER
        ? {
            permanent: true,
            reason:
              `EventStoreDB answered "not leader" ${consecutiveNotLeader} times in a row: check the node preference of ` +
              `EVENTSTORE_CONNECTION_STRING and that the cluster has a leader (${messageOf(error)})`,
          }
        : { permanent: false, reason: `not leader, moving to the leader (${messageOf(error)})` };
    case ErrorType.INVALID_ARGUMENT:
    case ErrorType.UNSUPPORTED:
    case ErrorType.NOT_FOUND:
    case ErrorType.STREAM_DELETED:
      return { permanent: true, reason: `EventStoreDB refused the subscription: ${messageOf(error)}` };
    default:
      return { permanent: false, reason: messageOf(error) || errorType(error) || 'the subscription ended' };
  }
}
