import { Suspense } from "react";
import { AppNav } from "@/components/nav/app-nav";
import { Brand } from "@/components/nav/brand";
import { CityName } from "@/components/nav/city-name";
import { UserMenu } from "@/components/nav/user-menu";
import type { TCurrentUser } from "@/lib/contracts/auth";
import { AnalysisView } from "./analysis-view";

/** The app header over a full-height map (AppPage scrolls its content; a map must not). */
export function AnalysisPage({ user }: { user: TCurrentUser }) {
  return (
    <div className="analysis-page">
      <header className="top-bar app-header">
        <Brand />
        <CityName />
        <AppNav role={user.role} variant="inline" />
        <UserMenu user={user} />
      </header>
      <Suspense>
        <AnalysisView />
      </Suspense>
    </div>
  );
}
