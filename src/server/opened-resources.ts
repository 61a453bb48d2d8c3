/**
 * What the server has opened (database, broker, pools, timers), closed in reverse order: by
 * `app.close()` once running, or at once when a later startup step fails, so a failed start leaves
 * no pool, port or timer behind to keep the process alive.
 */
export class OpenedResources {
  private readonly closers: (() => unknown)[] = [];

  /** Returns the resource, so opening and registering read as one step. */
  add<T>(resource: T, close: (resource: T) => unknown): T {
    this.closers.push(() => close(resource));
    return resource;
  }

  /** Closes everything even if one close fails; the first failure is rethrown afterwards. */
  async closeAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const close of this.closers.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }
}

/** A start that failed, with what to do about it; what it had opened is already closed. */
export class StartupError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
