import { onlineManager, type QueryClient } from "@tanstack/react-query";
import { persistQueryClientRestore, persistQueryClientSubscribe, type AsyncStorage } from "@tanstack/react-query-persist-client";
import { afterEach, describe, expect, it } from "vitest";
import type { TUnitActionResponse } from "@/lib/contracts/units";
import { waitFor } from "@/test/wait-for";
import { fieldPersistOptions } from "./field-persistence";
import { makeFieldQueryClient } from "./field-query-client";
import { fieldAssignmentFixture } from "@/test/fixtures/field-assignment";
import { UNIT_ACTION_KEY, UNIT_ACTION_SCOPE, newUnitAction, type TUnitActionVariables } from "./unit-action-mutation";

/** What the phone's localStorage holds between two page loads. */
function memoryStorage(): AsyncStorage<string> & { saved: () => string | undefined } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    saved: () => [...items.values()][0],
  };
}

/** Stands in for the server at the end of the queue: records what arrives, in arrival order. */
function recordingServer() {
  const received: TUnitActionVariables[] = [];
  const send = async (variables: TUnitActionVariables): Promise<TUnitActionResponse> => {
    received.push(variables);
    const { unit, assignment } = fieldAssignmentFixture();
    return { unit: unit!, incident: assignment!.incident };
  };
  return { received, send };
}

/** A tap, as useMutation makes one: a new mutation under the unit-action key and scope. */
function tap(queryClient: QueryClient, variables: TUnitActionVariables): void {
  void queryClient
    .getMutationCache()
    .build(queryClient, { mutationKey: UNIT_ACTION_KEY, scope: UNIT_ACTION_SCOPE })
    .execute(variables)
    .catch(() => undefined);
}

afterEach(() => onlineManager.setOnline(true));

describe("the field page's offline queue (real TanStack Query and persister)", () => {
  it("keeps taps made offline across a reload and sends them once each, in order, when back online", async () => {
    const storage = memoryStorage();
    const options = fieldPersistOptions("user-1", storage);
    const before = recordingServer();

    // First page load, offline: two taps.
    onlineManager.setOnline(false);
    const firstLoad = makeFieldQueryClient({ send: before.send });
    firstLoad.mount();
    const stopSaving = persistQueryClientSubscribe({ ...options, queryClient: firstLoad });
    const enRoute = newUnitAction("E-1", "enRoute");
    const onScene = newUnitAction("E-1", "onScene");
    tap(firstLoad, enRoute);
    tap(firstLoad, onScene);
    expect(
      firstLoad
        .getMutationCache()
        .getAll()
        .map((m) => m.state.isPaused),
    ).toEqual([true, true]);
    await waitFor(() => storage.saved()?.includes(onScene.request.idempotencyKey), "both taps saved");
    expect(before.received).toEqual([]);

    // The page is reloaded (still offline): the first load is gone.
    stopSaving();
    firstLoad.unmount();
    firstLoad.getMutationCache().clear();

    const after = recordingServer();
    const secondLoad = makeFieldQueryClient({ send: after.send });
    secondLoad.mount();
    await persistQueryClientRestore({ ...options, queryClient: secondLoad });
    expect(
      secondLoad
        .getMutationCache()
        .getAll()
        .map((m) => m.state.variables),
    ).toEqual([enRoute, onScene]);

    onlineManager.setOnline(true);
    await waitFor(
      () =>
        secondLoad
          .getMutationCache()
          .getAll()
          .every((m) => m.state.status === "success"),
      "both restored taps answered",
    );
    expect(after.received).toEqual([enRoute, onScene]);
    expect(before.received).toEqual([]);
    secondLoad.unmount();
  });

  it("sends taps made online one at a time, in the order they were made", async () => {
    const order: string[] = [];
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    const server = recordingServer();
    const queryClient = makeFieldQueryClient({
      send: async (variables) => {
        order.push(`start ${variables.request.action}`);
        if (variables.request.action === "enRoute") await firstHeld;
        order.push(`end ${variables.request.action}`);
        return server.send(variables);
      },
    });
    queryClient.mount();
    tap(queryClient, newUnitAction("E-1", "enRoute"));
    tap(queryClient, newUnitAction("E-1", "onScene"));
    await waitFor(() => order.length === 1, "the first tap is being sent");
    // The second waits for the first, shown as queued.
    expect(
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => [m.state.status, m.state.isPaused]),
    ).toEqual([
      ["pending", false],
      ["pending", true],
    ]);
    releaseFirst();
    await waitFor(
      () =>
        queryClient
          .getMutationCache()
          .getAll()
          .every((m) => m.state.status === "success"),
      "both answered",
    );
    expect(order).toEqual(["start enRoute", "end enRoute", "start onScene", "end onScene"]);
    queryClient.unmount();
  });
});
