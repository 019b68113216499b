import type { Metadata } from "next";
import { AuthCard, AuthCardTitle } from "@/components/auth/auth-card";
import { safeNextPath } from "@/components/auth/safe-next-path";
import { RetryWhenReady } from "@/components/status/retry-when-ready";

export const metadata: Metadata = { title: "Temporarily unavailable" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Where pages send people while the server cannot reach its database; it returns them once it can. */
export default async function UnavailablePage({ searchParams }: { searchParams: TSearchParams }) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw) ?? "/";
  return (
    <AuthCard aria-labelledby="unavailable-title">
      <AuthCardTitle id="unavailable-title">Temporarily unavailable</AuthCardTitle>
      <p>The server cannot reach its database, so it cannot check who you are. Nothing you did caused this.</p>
      <RetryWhenReady next={next} />
    </AuthCard>
  );
}
