import { queryOptions } from "@tanstack/react-query";
import { ZAuthConfig } from "@/lib/contracts/auth";
import { requestJson } from "@/components/api/request-json";

export type { TAuthConfig } from "@/lib/contracts/auth";

const authKeys = {
  all: ["auth"] as const,
  config: () => ["auth", "config"] as const,
  me: () => ["auth", "me"] as const,
};

/** GET /api/auth-config (public): the sign-in page's options. */
export const authConfigQuery = () =>
  queryOptions({
    queryKey: authKeys.config(),
    queryFn: ({ signal }) => requestJson("/api/auth-config", ZAuthConfig, { signal }),
    staleTime: Infinity,
    retry: 1,
  });
