import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "@/lib/contracts/auth";
import { AuthCard, AuthCardFoot, AuthCardTitle } from "@/components/auth/auth-card";
import { safeNextPath } from "@/components/auth/safe-next-path";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/server/auth/session";
import { getRuntime } from "@/server/runtime-registry";
import { readCityName } from "./read-city-name";

export const metadata: Metadata = { title: "Sign in" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  // Only a same-origin path survives: ?next=https://evil.example is dropped (open-redirect protection).
  const next = safeNextPath(first(params.next));
  const user = await getCurrentUser(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  if (user) redirect(next ?? HOME_BY_ROLE[user.role]);

  const cityName = await readCityName();
  // The same answer as GET /api/auth-config, handed over so the first paint is complete.
  const settings = getRuntime()?.authSettings;
  const authConfig = settings ? { sso: settings.sso, demo: settings.demo } : null;
  const initialError = first(params.error) ? "Single sign-on did not complete. Try again, or sign in with your password." : null;

  return (
    <AuthCard
      aria-labelledby="sign-in-title"
      context={
        <>
          City operations
          {cityName && (
            <>
              {" "}
              · <span data-testid="sign-in-city">{cityName}</span>
            </>
          )}
        </>
      }
    >
      <AuthCardTitle id="sign-in-title">Sign in</AuthCardTitle>
      <SignInForm next={next} initialError={initialError} initialConfig={authConfig} />
      <AuthCardFoot>Accounts are issued by your administrator.</AuthCardFoot>
    </AuthCard>
  );
}
