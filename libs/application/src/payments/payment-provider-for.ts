import { AppConfig } from '../config/app-config';
import { ChargeRequest, ChargeResult, PaymentProvider } from './payment-provider';
import { SandboxPaymentProvider } from './sandbox-payment-provider';

/**
 * Where no real provider is configured (production: there is none yet). Charging fails loudly:
 * the renewal process stops on the step with this reason, visible in GET /projections, and nothing
 * is recorded as paid that was not.
 */
export class UnavailablePaymentProvider implements PaymentProvider {
  async charge(request: ChargeRequest): Promise<ChargeResult> {
    throw new Error(
      `No payment provider is configured, so ${request.amount} ${request.currency} cannot be charged; the sandbox provider moves no money and is not used in the production profile.`,
    );
  }
}

/** The sandbox provider in development (and tests, demos); none in production until a real adapter exists. */
export function paymentProviderFor(config: Pick<AppConfig, 'profile'>, env: NodeJS.ProcessEnv = process.env): PaymentProvider {
  return config.profile === 'production' ? new UnavailablePaymentProvider() : SandboxPaymentProvider.fromEnvironment(env);
}
