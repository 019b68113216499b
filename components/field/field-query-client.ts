import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "@/components/api/request-json";
import { redirectWhenSignedOut } from "@/components/api/redirect-when-signed-out";
import { FIELD_PERSIST_MAX_AGE_MS } from "./field-persistence";
import { registerUnitActionDefaults, sendUnitAction } from "./unit-action-mutation";

/**
 * The field page's own client (nested inside the app's): its cache is persisted to the phone, so cached
 * data must outlive the persisted save (gcTime ≥ maxAge) or it would be dropped before it is saved.
 * A 401 sends the crew to sign-in; actions still queued stay saved on the phone and go out afterwards.
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
