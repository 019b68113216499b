const KEY = Symbol.for("citynerve.opsOutbox");
type TGlobal = typeof globalThis & { [KEY]?: number };

/**
 * Whether changes write operational events to the outbox (KAFKA_BROKERS set): off in embedded mode, so no
 * rows pile up that nobody publishes. On globalThis because Next bundles route handlers apart from server.ts
 * (see server/runtime-registry.ts). Counted, so apps started side by side in tests switch it off only together.
 */
export function switchOpsOutboxOn(): () => void {
  const global = globalThis as TGlobal;
  global[KEY] = (global[KEY] ?? 0) + 1;
  let isOn = true;
  return () => {
    if (!isOn) return;
    isOn = false;
    global[KEY] = (global[KEY] ?? 1) - 1;
  };
}

export const isOpsOutboxOn = (): boolean => ((globalThis as TGlobal)[KEY] ?? 0) > 0;
