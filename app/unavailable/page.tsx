import type { Metadata } from "next";
import { safeNextPath } from "@/components/auth/safe-next-path";
import { Brand } from "@/components/nav/brand";
import { RetryWhenReady } from "@/components/status/retry-when-ready";

export const metadata: Metadata = { title: "Temporarily unavailable" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Where pages send people while the server cannot reach its database; it returns them once it can. */
export default async function UnavailablePage({ searchParams }: { searchParams: TSearchParams }) {
  const raw = (await searchParams).next;
  const next = safeNextPath(Array.isArray(raw) ? raw[0] : raw) ?? "/";
  return (
    <div className="auth-page">
      <main className="auth-card" aria-labelledby="unavailable-title">
        <div className="auth-card__head">
          <Brand className="brand--large" />
        </div>
        <h1 className="auth-card__title" id="unavailable-title">
          Temporarily unavailable
        </h1>
        <p>The server cannot reach its database, so it cannot check who you are. Nothing you did caused this.</p>
        <RetryWhenReady next={next} />
      </main>
    </div>
  );
}
