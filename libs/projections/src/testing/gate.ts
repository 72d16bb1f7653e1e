import type { RecordedEvent } from '@channel-ledger/event-store';
import type { Projection } from '../engine/projection';

/**
 * Holds a projection's apply on one chosen event until opened, so a test can look at the world
 * mid-rebuild without timing anything.
 */
export class Gate {
  blocked = false;
  private release!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.release = resolve));

  constructor(private readonly holdAt: (event: RecordedEvent) => boolean) {}

  wrap(projection: Projection): Projection {
    return {
      ...projection,
      apply: async (event, view) => {
        if (this.holdAt(event)) {
          this.blocked = true;
          await this.opened;
        }
        return projection.apply(event, view);
      },
    };
  }

  open(): void {
    this.release();
  }
}
