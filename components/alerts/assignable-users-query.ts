import { queryOptions } from "@tanstack/react-query";
import { ZAssignableUsers } from "@/lib/contracts/auth";
import { requestJson } from "@/components/api/request-json";

const userKeys = {
  all: ["users"] as const,
  assignable: () => ["users", "assignable"] as const,
};

/** GET /api/users/assignable: the colleagues the alert drawer offers. Staff lists change rarely. */
export const assignableUsersQuery = () =>
  queryOptions({
    queryKey: userKeys.assignable(),
    queryFn: ({ signal }) => requestJson("/api/users/assignable", ZAssignableUsers, { signal }),
    select: (body) => body.users,
    staleTime: 5 * 60_000,
  });
