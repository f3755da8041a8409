/** A job module for worker-pool tests: squares numbers, fails on 13, and can be slow. */
export function setup(init: { delayMs: number }): (n: number) => number {
  return (n) => {
    if (n === 13) throw new Error('unlucky job 13');
    const until = Date.now() + init.delayMs;
    while (Date.now() < until) {
      // busy wait: a job that takes time, so cancellation has something to cancel
    }
    return n * n;
  };
}
