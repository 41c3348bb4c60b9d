/**
 * Structured logs: one JSON object a line on stdout. Every line passes through the redactor, so
 * an ID number or phone that slips into a message or a field is masked before it is written.
 */
import { writeSync } from "node:fs";
import { redactText, redactValue } from "./core/redact.ts";
import type { LogLevel } from "./env.ts";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface CreateLoggerOptions {
  level: LogLevel;
  /** Where lines go (default: stdout). Tests pass an array's push. */
  write?: (line: string) => void;
  base?: LogFields;
}

/**
 * Lines for stdout, written together once per turn of the event loop (one system call for the
 * many request lines of a busy moment, not one a line); written at once when the process exits.
 */
let pending: string[] = [];
const takePending = () => {
  const text = pending.join("");
  pending = [];
  return text;
};
const flushStdout = () => {
  if (pending.length > 0) process.stdout.write(takePending());
};
const flushAtExit = () => {
  if (pending.length === 0) return;
  try {
    writeSync(1, takePending());
  } catch {
    // stdout closed or full: nothing more to do on the way out.
  }
};
function writeToStdout(line: string): void {
  if (pending.length === 0) {
    setImmediate(flushStdout).unref();
    if (!exitHooked) {
      exitHooked = true;
      process.once("exit", flushAtExit);
    }
  }
  pending.push(line + "\n");
}
let exitHooked = false;

/** @example const log = createLogger({ level: "info" }); log.info("server listening", { port }); */
export function createLogger(options: CreateLoggerOptions): Logger {
  const write = options.write ?? writeToStdout;
  const threshold = ORDER[options.level];
  const emit = (level: Exclude<LogLevel, "silent">, message: string, fields?: LogFields) => {
    if (ORDER[level] < threshold) return;
    const line = {
      time: new Date().toISOString(),
      level,
      msg: redactText(message),
      ...(redactValue({ ...options.base, ...fields }) as LogFields),
    };
    write(JSON.stringify(line, errorReplacer));
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    child: (fields) => createLogger({ ...options, base: { ...options.base, ...fields } }),
  };
}

/** Errors keep their message and stack (redacted) instead of serialising to `{}`. */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return redactValue({ name: value.name, message: value.message, stack: value.stack });
  }
  return value;
}

/** Formats an error for a log field. */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { err: { name: error.name, message: redactText(error.message), stack: redactText(error.stack ?? "") } };
  return { err: redactText(String(error)) };
}
