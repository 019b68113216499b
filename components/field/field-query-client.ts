import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/components/api/request-json";
import { FIELD_PERSIST_MAX_AGE_MS } from "./field-persistence";
import { registerUnitActionDefaults, sendUnitAction } from "./unit-action-mutation";

/** A session that ended while the page was open: back to sign-in (actions still queued stay saved on the phone). */
function redirectWhenSignedOut(error: unknown): void {
  if (error instanceof ApiRequestError && error.status === 401) {
    const next = `${window.location.pathname}${window.location.search}`;
    window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
  }
}

/**
 * The field page's own client (nested inside the app's): its cache is persisted to the phone, so cached
 * data must outlive the persisted save (gcTime ≥ maxAge) or it would be dropped before it is saved.
 * `send` is where queued actions go: the API, or a recorder in tests.
 */
export function makeFieldQueryClient({ send = sendUnitAction }: { send?: typeof sendUnitAction } = {}): QueryClient {
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: redirectWhenSignedOut }),
    mutationCache: new MutationCache({ onError: redirectWhenSignedOut }),
    defaultOptions: {
      queries: {
        gcTime: FIELD_PERSIST_MAX_AGE_MS,
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(error instanceof ApiRequestError && error.status < 500) && failureCount < 2,
      },
    },
  });
  registerUnitActionDefaults(queryClient, send);
  return queryClient;
}
