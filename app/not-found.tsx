import type { Metadata } from "next";
import { NotFoundPage } from "@/components/nav/not-found-page";
import { getCurrentUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "Page not found" };

/** Any address no page answers: the app's 404, with the header and the way home when signed in. */
export default async function NotFound() {
  return <NotFoundPage user={await getCurrentUser()} />;
}
