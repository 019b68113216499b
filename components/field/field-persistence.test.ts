import { MutationCache, QueryClient, dehydrate } from "@tanstack/react-query";
import type { PersistedClient } from "@tanstack/react-query-persist-client";
import { describe, expect, it } from "vitest";
import { resumeAfterRestore } from "./field-persistence";

function savedClient(queryClient: QueryClient): PersistedClient {
  return {
    timestamp: Date.now(),
    buster: "test",
    clientState: dehydrate(queryClient, { shouldDehydrateMutation: (m) => m.state.status === "pending" }),
  };
}

describe("the saved queue", () => {
  it("marks an action that was in flight as paused, so it is sent again once restored", async () => {
    const queryClient = new QueryClient({ mutationCache: new MutationCache() });
    let release: (value: string) => void = () => {};
    const inFlight = queryClient.getMutationCache().build(queryClient, {
      mutationKey: ["unit-action"],
      mutationFn: () => new Promise<string>((resolve) => (release = resolve)),
    });
    const running = inFlight.execute({ action: "enRoute" });
    await Promise.resolve();
    expect(inFlight.state).toMatchObject({ status: "pending", isPaused: false });

    const restored = resumeAfterRestore(savedClient(queryClient)).clientState.mutations;
    expect(restored).toHaveLength(1);
    expect(restored[0].state).toMatchObject({ status: "pending", isPaused: true, variables: { action: "enRoute" } });
    release("done");
    await running;
  });

  it("keeps answered actions as they were", () => {
    const client: PersistedClient = {
      timestamp: 0,
      buster: "test",
      clientState: {
        queries: [],
        mutations: [
          {
            mutationKey: ["unit-action"],
            state: {
              status: "success",
              isPaused: false,
              data: {},
              error: null,
              variables: {},
              context: undefined,
              failureCount: 0,
              failureReason: null,
              submittedAt: 0,
            },
          },
        ],
      },
    };
    expect(resumeAfterRestore(client).clientState.mutations[0].state).toMatchObject({ status: "success", isPaused: false });
  });
});
