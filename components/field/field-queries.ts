import { queryOptions } from "@tanstack/react-query";
import { requestJson } from "@/components/api/request-json";
import { ZFieldAssignment } from "@/lib/contracts/units";

export const FIELD_ASSIGNMENT_KEY = ["field", "assignment"] as const;

/** Safety net behind the socket's "assignment:changed" (a notice lost while the phone slept). */
const POLL_MS = 60_000;

/** The signed-in crew member's unit and its current assignment. */
export const fieldAssignmentQuery = () =>
  queryOptions({
    queryKey: FIELD_ASSIGNMENT_KEY,
    queryFn: ({ signal }) => requestJson("/api/field/assignment", ZFieldAssignment, { signal }),
    staleTime: 10_000,
    refetchInterval: POLL_MS,
    // A phone taken out of a pocket shows the current job, not the one from an hour ago.
    refetchOnWindowFocus: true,
  });
