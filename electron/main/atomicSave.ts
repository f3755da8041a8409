/**
 * Atomic file replacement: write a temp file beside the target, fsync it, then rename over the target.
 * A crash or a full disk leaves either the old file or the new one, never half of each.
 */

/** The slice of `node:fs/promises` this needs, passed in so tests can inject failures. */
export interface AtomicFs {
  open(
    path: string,
    flags: string,
    mode?: number,
  ): Promise<{
    write(data: Uint8Array): Promise<unknown>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export async function atomicWrite(
  fs: AtomicFs,
  target: string,
  data: Uint8Array,
  randomSuffix: () => string,
): Promise<void> {
  const temp = `${target}.${randomSuffix()}.tmp`;
  // 'wx' so we never follow or clobber a file an attacker planted under the temp name.
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    try {
      await handle.write(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
}
