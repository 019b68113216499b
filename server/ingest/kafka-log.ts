import { logLevel, type logCreator } from "kafkajs";

export type TKafkaLogger = {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
};

/** One kafkajs log line: `namespace` is the kafkajs component ("Connection", "ConsumerGroup", …). */
export type TKafkaLogEntry = { namespace: string; level: "error" | "warn" | "info"; message: string; extra: Record<string, unknown> };

export const consoleKafkaLogger: TKafkaLogger = {
  info: (message, extra) => console.info(message, extra ?? ""),
  warn: (message, extra) => console.warn(message, extra ?? ""),
  error: (message, extra) => console.error(message, extra ?? ""),
};

/**
 * Routes kafkajs' own warnings and errors into our logger instead of its JSON lines on stdout.
 * `observe` sees each entry first: some things kafkajs only tells in its log (a refused connection,
 * an offset reset), and the source's status needs them.
 */
export function kafkaLogCreator(logger: TKafkaLogger, observe?: (entry: TKafkaLogEntry) => void): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const entryLevel = level === logLevel.ERROR ? "error" : level === logLevel.WARN ? "warn" : "info";
      observe?.({ namespace, level: entryLevel, message, extra });
      logger[entryLevel](`[kafkajs ${namespace}] ${message}`, extra);
    };
}
