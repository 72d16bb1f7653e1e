/**
 * "Something changed": `next` resolves at the next `notify()`. Take it before checking what you
 * wait for, then await it, so a change between the check and the wait is not missed.
 */
export class ChangeSignal {
  private current = deferred();

  get next(): Promise<void> {
    return this.current.promise;
  }

  notify(): void {
    const previous = this.current;
    this.current = deferred();
    previous.resolve();
  }
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
