/** A delivery that did not go out. `permanent`: trying again cannot help (no SMTP settings, a subscription gone). */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/** A readable reason for the delivery log: what a person can act on, never a stack. */
export function reasonOf(error: unknown): string {
  if (error instanceof ChannelError) return error.message;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "no answer in time";
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 300);
}
