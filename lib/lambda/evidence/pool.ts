// A small promise pool: at most `limit` tasks run at once, so a 2,000-key account never opens 2,000
// requests together (and never trips the service's request-rate limits more than it must).

/** Runs tasks with at most `limit` in flight. `peak` is the most that ever ran together. */
export class Pool {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private highWater = 0;

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`Pool: limit must be a positive integer, got ${limit}`);
  }

  /** The most tasks that ran at the same time. */
  get peak(): number {
    return this.highWater;
  }

  /** Run `task` when a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    this.highWater = Math.max(this.highWater, this.running);
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}
