import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { ZCurrentUser } from "@/lib/contracts/auth";
import { requestJson } from "@/components/api/request-json";

/**
 * GET /api/auth-config (public). `demo` is true only on embedded demo deployments,
 * where the demo accounts exist; anything missing reads as "off".
 */
export const ZAuthConfig = z.object({
  sso: z.object({ enabled: z.boolean(), label: z.string(), providerId: z.string() }),
  demo: z.boolean().optional().default(false),
});
export type TAuthConfig = z.infer<typeof ZAuthConfig>;

export const authConfigQuery = () =>
  queryOptions({
    queryKey: ["auth", "config"],
    queryFn: ({ signal }) => requestJson("/api/auth-config", ZAuthConfig, { signal }),
    staleTime: Infinity,
    retry: 1,
  });

/** GET /api/me: who is signed in (401 when nobody is). */
export const currentUserQuery = () =>
  queryOptions({
    queryKey: ["auth", "me"],
    queryFn: ({ signal }) => requestJson("/api/me", ZCurrentUser, { signal }),
    retry: false,
  });
