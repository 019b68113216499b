import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/components/api/request-json";
import { useGuardedMutation } from "@/components/api/use-guarded-mutation";
import {
  type TCreateContactPointRequest,
  ZContactPoint,
  ZContactPointList,
  ZCreatedContactPoint,
  ZNotificationHealth,
  ZTestDeliveryResult,
  ZVapidPublicKey,
} from "@/lib/contracts/notifications";

/** GET /api/me/contact-points: the signed-in user's own. */
export const contactPointsQuery = () =>
  queryOptions({
    queryKey: ["me", "contact-points"] as const,
    queryFn: ({ signal }) => requestJson("/api/me/contact-points", ZContactPointList, { signal }),
    staleTime: 0,
  });

/** GET /api/admin/notifications/health (admins). */
export const notificationHealthQuery = () =>
  queryOptions({
    queryKey: ["admin", "notifications", "health"] as const,
    queryFn: ({ signal }) => requestJson("/api/admin/notifications/health", ZNotificationHealth, { signal }),
    staleTime: 0,
    refetchInterval: 30_000,
  });

export const fetchVapidPublicKey = async () => (await requestJson("/api/push/vapid-public-key", ZVapidPublicKey)).publicKey;

export function useAddContactPoint() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: TCreateContactPointRequest) => requestJson("/api/me/contact-points", ZCreatedContactPoint, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactPointsQuery().queryKey }),
  });
}

export function useRemoveContactPoint() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (id: string) =>
      requestJson(`/api/me/contact-points/${encodeURIComponent(id)}/remove`, ZContactPoint, { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactPointsQuery().queryKey }),
  });
}

export function useTestContactPoint() {
  return useGuardedMutation({
    mutationFn: (id: string) =>
      requestJson(`/api/me/contact-points/${encodeURIComponent(id)}/test`, ZTestDeliveryResult, { method: "POST", body: {} }),
  });
}
