"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider, isServer } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { canRetry } from "@/components/api/load-failure";
import { redirectWhenSignedOut } from "@/components/api/redirect-when-signed-out";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: isServer ? undefined : new QueryCache({ onError: redirectWhenSignedOut }),
    mutationCache: isServer ? undefined : new MutationCache({ onError: redirectWhenSignedOut }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx only repeats the same answer.
        retry: (failureCount, error) => canRetry(error) && failureCount < 2,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A fresh client per server render (no cross-request sharing), one singleton in the browser. */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
