import type { Request } from 'express';
import { Principal } from './principal';

/**
 * Turns a request's credentials into a verified principal. Null: the request carries none.
 * Throws `unauthenticated()` for credentials that do not verify (never says why, beyond that).
 */
export abstract class Authenticator {
  abstract authenticate(request: Request): Promise<Principal | null>;
}
