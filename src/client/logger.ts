/**
 * The client's logger hook. Entries carry methods, paths, statuses and timings — never bodies,
 * passwords or cookies.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  fields?: Readonly<Record<string, string | number | boolean | undefined>>;
}

export type Logger = (entry: LogEntry) => void;

/** Calls the hook, if any; a throwing hook must not break API calls. */
export function makeLog(hook: Logger | undefined): Logger {
  if (!hook) return () => undefined;
  return (entry) => {
    try {
      hook(entry);
    } catch {
      // Logging is best effort.
    }
  };
}
