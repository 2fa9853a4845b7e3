/**
 * One writer at a time for a user cache. Checks read without a lock; an update (a delta or a full compile)
 * holds `<root>/update.lock`, created exclusively with the holder's pid. A second process that needs to
 * update waits for the lock, then checks again, since the first may have compiled its changes already.
 * Without it, two processes could both write delta N+1 and one's changes stay missing until the next edit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A lock older than this is taken over even when its pid is alive (a reused pid, another machine's cache). */
const STALE_MS = 10 * 60 * 1000;
/** How often a waiting process looks again. */
const POLL_MS = 25;

export interface LockOptions {
  /** Whether a pid is alive (tests); default: signal 0. */
  alive?: (pid: number) => boolean;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

/** True when the lock at `file` was left by a process that is gone, or is too old to trust. */
function stale(file: string, options: LockOptions): boolean {
  try {
    const held = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number; at?: number };
    if (typeof held.pid !== 'number' || typeof held.at !== 'number' || Date.now() - held.at > STALE_MS) return true;
    return !(options.alive ?? pidAlive)(held.pid);
  } catch (err) {
    // Gone meanwhile (not stale: just try again), or unreadable or half-written (stale once it is old).
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    try {
      return Date.now() - fs.statSync(file).mtimeMs > 2000;
    } catch {
      return false;
    }
  }
}

/** Runs `update` holding the cache's update lock; waits while another live process holds it. */
export async function withUpdateLock<T>(root: string, update: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  fs.mkdirSync(root, { recursive: true });
  const file = path.join(root, 'update.lock');
  for (;;) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, at: Date.now() }), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (stale(file, options)) fs.rmSync(file, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await update();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
