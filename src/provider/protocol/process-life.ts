/**
 * How a provider process lives under Terraform: stdout is reserved for the
 * handshake, Ctrl-C is Terraform's to handle (it sends StopProvider and
 * lets an apply in flight finish), SIGTERM ends us, and if Terraform dies
 * without a word (SIGKILL) we notice our parent is gone and leave.
 */
import { writeSync } from 'node:fs';

/**
 * After this, `process.stdout`, console.log and friends are stderr; only the returned writer
 * reaches stdout (file descriptor 1, directly). Neither stream object is made here: Node sets
 * each up on first use, which costs start-up time on every launch that never logs.
 */
export function reserveStdout(): (text: string) => void {
  Object.defineProperty(process, 'stdout', { configurable: true, enumerable: true, get: () => process.stderr });
  for (const method of ['log', 'info', 'debug'] as const) {
    console[method] = (...args: unknown[]) => {
      console.error(...args);
    };
  }
  return (text: string) => {
    writeSync(1, text);
  };
}

export interface LifeOptions {
  readonly onExit: (reason: string) => void;
  readonly parentCheckMs?: number;
}

/** Installs signal handlers and the parent watch; returns a function that removes them. */
export function superviseProcess(options: LifeOptions): () => void {
  const ignoreInterrupt = (): void => {};
  const terminate = (): void => options.onExit('SIGTERM');
  process.on('SIGINT', ignoreInterrupt);
  process.on('SIGTERM', terminate);

  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent || !isAlive(parent)) options.onExit('parent process exited');
  }, options.parentCheckMs ?? 1000);
  timer.unref();

  return () => {
    clearInterval(timer);
    process.off('SIGINT', ignoreInterrupt);
    process.off('SIGTERM', terminate);
  };
}

function isAlive(pid: number): boolean {
  if (pid <= 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
