import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import type { Mutation } from "@tanstack/react-query";
import type { AsyncStorage, PersistedClient, PersistQueryClientOptions } from "@tanstack/react-query-persist-client";

/** Older saved state is dropped: a queued status change from yesterday is noise, not news. */
export const FIELD_PERSIST_MAX_AGE_MS = 12 * 60 * 60_000;
/** Bump when the shape of what is saved changes: older saves are then discarded, not misread. */
const BUSTER = "field-1";

function localStorageOrNull(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage blocked by policy: the page still works, just not across reloads
  }
}

/**
 * Every unanswered action is saved, including one in flight (its answer may never arrive), and saved as
 * paused so it is sent again once restored. The server answers a repeat of an idempotency key with the
 * first answer, so the one that did arrive is not applied twice.
 */
export function resumeAfterRestore(client: PersistedClient): PersistedClient {
  const mutations = client.clientState.mutations.map((mutation) =>
    mutation.state.status === "pending" ? { ...mutation, state: { ...mutation.state, isPaused: true } } : mutation,
  );
  return { ...client, clientState: { ...client.clientState, mutations } };
}

const isUnanswered = (mutation: Mutation) => mutation.state.status === "pending";

/**
 * The field page's cache and queue in localStorage, one save per user: actions queued by someone who
 * signed out are never sent under the next person's session.
 */
export function fieldPersistOptions(
  userId: string,
  storage: AsyncStorage<string> | null = localStorageOrNull(),
): Omit<PersistQueryClientOptions, "queryClient"> {
  const persister = createAsyncStoragePersister({
    storage,
    key: `citynerve.field.${userId}`,
    throttleTime: 500,
    serialize: (client) => JSON.stringify(resumeAfterRestore(client)),
  });
  return {
    persister,
    maxAge: FIELD_PERSIST_MAX_AGE_MS,
    buster: BUSTER,
    dehydrateOptions: { shouldDehydrateMutation: isUnanswered },
  };
}
