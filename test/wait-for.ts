/** Polls until the condition holds (returns a truthy value) or fails with the description. */
export async function waitFor<T>(condition: () => T | Promise<T>, description: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${description}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
}
