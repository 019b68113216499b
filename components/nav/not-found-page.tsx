import { HOME_BY_ROLE, type TCurrentUser } from "@/lib/contracts/auth";
import { AuthCard, AuthCardTitle } from "@/components/auth/auth-card";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { AppPage } from "./app-page";
import { pageNameOf } from "./nav-items";
import styles from "./not-found-page.module.css";

const SUBTITLE = "This address does not lead to a page: the link may be old or mistyped, or what it showed was removed.";

/** The 404 in the app's own design, with the way back to the user's home (signed out: to sign-in). */
export function NotFoundPage({ user }: { user: TCurrentUser | null }) {
  if (!user) {
    return (
      <AuthCard aria-labelledby="not-found-title">
        <AuthCardTitle id="not-found-title">Page not found</AuthCardTitle>
        <p className={styles.lead}>{SUBTITLE}</p>
        <ButtonLink href="/sign-in" variant="primary" size="block" data-testid="not-found-home">
          Go to sign-in
        </ButtonLink>
      </AuthCard>
    );
  }
  const home = HOME_BY_ROLE[user.role];
  return (
    <AppPage user={user}>
      <Page data-testid="not-found">
        <PageHead>
          <div>
            <PageTitle>Page not found</PageTitle>
            <PageSubtitle>{SUBTITLE}</PageSubtitle>
          </div>
        </PageHead>
        <Card as="div" className={styles.card}>
          <p className={styles.code} aria-hidden="true">
            404
          </p>
          <p>Everything you can open is in the menu above.</p>
          <ButtonLink href={home} variant="primary" data-testid="not-found-home">
            Back to {pageNameOf(home) ?? "your home page"}
          </ButtonLink>
        </Card>
      </Page>
    </AppPage>
  );
}
