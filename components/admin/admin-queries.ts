import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import { ZAdminUser, ZAdminUserList, type TAdminUser, type TCreateUserRequest, type TUpdateUserRequest } from "@/lib/contracts/auth";
import { requestJson } from "@/components/api/request-json";
import { type TCapFeed, type TCreateCapFeedRequest, ZCapFeed, ZCapFeedList } from "@/lib/contracts/cap-warnings";
import { ZApiKey, ZApiKeyList, ZIssuedApiKey, type TApiKey, type TCreateApiKeyRequest, type TIssuedApiKey } from "@/lib/contracts/api-keys";

const adminKeys = {
  all: ["admin"] as const,
  users: () => ["admin", "users"] as const,
};

/** GET /api/admin/users (admin only). */
export const adminUsersQuery = () =>
  queryOptions({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => requestJson("/api/admin/users", ZAdminUserList, { signal }),
    staleTime: 0,
  });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: TCreateUserRequest): Promise<TAdminUser> => requestJson("/api/admin/users", ZAdminUser, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminUsersQuery().queryKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: ({ id, change }: { id: string; change: TUpdateUserRequest }): Promise<TAdminUser> =>
      requestJson(`/api/admin/users/${encodeURIComponent(id)}`, ZAdminUser, { method: "PATCH", body: change }),
    onSuccess: (updated) => {
      // Show the new state at once; the refetch confirms it.
      queryClient.setQueryData(adminUsersQuery().queryKey, (users) => users?.map((u) => (u.id === updated.id ? updated : u)));
      return queryClient.invalidateQueries({ queryKey: adminUsersQuery().queryKey });
    },
  });
}

/** GET /api/admin/api-keys (admin only). */
export const adminApiKeysQuery = () =>
  queryOptions({
    queryKey: ["admin", "api-keys"] as const,
    queryFn: ({ signal }) => requestJson("/api/admin/api-keys", ZApiKeyList, { signal }),
    staleTime: 0,
  });

export function useIssueApiKey() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: TCreateApiKeyRequest): Promise<TIssuedApiKey> =>
      requestJson("/api/admin/api-keys", ZIssuedApiKey, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminApiKeysQuery().queryKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (id: string): Promise<TApiKey> =>
      requestJson(`/api/admin/api-keys/${encodeURIComponent(id)}/revoke`, ZApiKey, { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminApiKeysQuery().queryKey }),
  });
}

/** GET /api/cap/feeds (admin only): other agencies' CAP feeds the leader polls. */
export const adminCapFeedsQuery = () =>
  queryOptions({
    queryKey: ["admin", "cap-feeds"] as const,
    queryFn: ({ signal }) => requestJson("/api/cap/feeds", ZCapFeedList, { signal }),
    staleTime: 0,
  });

export function useAddCapFeed() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: TCreateCapFeedRequest): Promise<TCapFeed> => requestJson("/api/cap/feeds", ZCapFeed, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminCapFeedsQuery().queryKey }),
  });
}

export function useRemoveCapFeed() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (id: string): Promise<TCapFeed> =>
      requestJson(`/api/cap/feeds/${encodeURIComponent(id)}/remove`, ZCapFeed, { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminCapFeedsQuery().queryKey }),
  });
}
