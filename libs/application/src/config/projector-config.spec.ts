import { InvalidConfigurationError, loadConfig } from './app-config';

describe('configuration: the projector lease', () => {
  it('defaults the lease TTL to 15 s and reads CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS', () => {
    expect(loadConfig({}).projector).toEqual({ leaseTtlMs: 15_000 });
    expect(loadConfig({ CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS: '1500' }).projector).toEqual({ leaseTtlMs: 1500 });
  });

  it('refuses a TTL that is not a whole number or too short to renew in time', () => {
    for (const value of ['soon', '0', '-5', '299']) {
      expect(() => loadConfig({ CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS: value })).toThrow(InvalidConfigurationError);
      expect(() => loadConfig({ CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS: value })).toThrow(/CHANNEL_LEDGER_PROJECTOR_LEASE_TTL_MS must be/);
    }
  });
});
