import type { Metadata } from "next";
import { AckLinkPage } from "@/components/on-call/ack-link-page";
import { AppPage } from "@/components/nav/app-page";
import { requirePageRole } from "@/server/auth/session";

export const metadata: Metadata = { title: "Acknowledge" };

/**
 * Where a one-tap acknowledge link in a message leads: signed out → sign-in and back here; then the page opens the
 * link as this user (a POST, so a mail scanner fetching the URL acknowledges nothing) and says what happened.
 */
export default async function AckLinkRoute({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requirePageRole(["operator", "supervisor"], "/ack/[token]".replace("[token]", encodeURIComponent(token)));
  return (
    <AppPage user={user}>
      <AckLinkPage token={token} />
    </AppPage>
  );
}
