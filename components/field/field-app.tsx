"use client";

import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { useState } from "react";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { FieldHome } from "./field-home";
import { fieldPersistOptions } from "./field-persistence";
import { makeFieldQueryClient } from "./field-query-client";

/**
 * The field page's own QueryClient, saved to the phone: the last known assignment and the queue of
 * unsent actions survive a reload or a dead battery. Once restored, queued actions are sent (in order,
 * if the phone is online; otherwise when it comes back).
 */
export function FieldApp({ user }: { user: TCurrentUser }) {
  const [queryClient] = useState(() => makeFieldQueryClient());
  const [persistOptions] = useState(() => fieldPersistOptions(user.id));
  return (
    <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions} onSuccess={() => queryClient.resumePausedMutations()}>
      <FieldHome user={user} />
    </PersistQueryClientProvider>
  );
}
