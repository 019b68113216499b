import { logLevel, type logCreator } from "kafkajs";

export type TKafkaLogger = {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
};

export const consoleKafkaLogger: TKafkaLogger = {
  info: (message, extra) => console.info(message, extra ?? ""),
  warn: (message, extra) => console.warn(message, extra ?? ""),
  error: (message, extra) => console.error(message, extra ?? ""),
};

/** Routes kafkajs' own warnings and errors into our logger instead of its JSON lines on stdout. */
export function kafkaLogCreator(logger: TKafkaLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...extra } = log;
      const text = `[kafkajs ${namespace}] ${message}`;
      if (level === logLevel.ERROR) logger.error(text, extra);
      else if (level === logLevel.WARN) logger.warn(text, extra);
      else logger.info(text, extra);
    };
}
