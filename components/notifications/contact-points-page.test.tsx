import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TContactPoint, TNotificationHealth } from "@/lib/contracts/notifications";
import { ContactPointsPage } from "./contact-points-page";
import { contactPointsQuery, notificationHealthQuery } from "./notification-queries";

/** The page's states as the server renders them from the query cache: what each shows and never shows. */
const POINTS: TContactPoint[] = [
  {
    id: "7f9c1e5a-2b0d-4c8e-9a51-3d2f6b7e8a90",
    kind: "webhook",
    label: "Pager bridge",
    target: "https://pager.city.test/hook",
    minSeverity: "major",
    enabled: true,
    createdAt: "2026-12-03T06:00:00.000Z",
    lastDelivery: { status: "failed", at: "2026-12-03T06:05:00.000Z", error: "the receiver answered HTTP 503" },
    problem: null,
  },
  {
    id: "0b3a5c7e-9d1f-4e2a-8b6c-5d4e3f2a1b0c",
    kind: "email",
    label: "Work mail",
    target: "op@city.test",
    minSeverity: "critical",
    enabled: true,
    createdAt: "2026-12-03T06:01:00.000Z",
    lastDelivery: null,
    problem: "email is not configured (SMTP_URL is not set)",
  },
];
const HEALTH: TNotificationHealth = {
  since: "2026-12-02T06:00:00.000Z",
  kinds: [
    { kind: "email", sent: 0, failed: 0, pending: 0 },
    { kind: "webhook", sent: 4, failed: 1, pending: 2 },
    { kind: "push", sent: 1, failed: 0, pending: 0 },
  ],
  recentFailures: [],
  emailConfigured: false,
};

function render(role: "operator" | "admin" | "field", points: TContactPoint[] | undefined) {
  const client = new QueryClient();
  if (points) client.setQueryData(contactPointsQuery().queryKey, { contactPoints: points });
  client.setQueryData(notificationHealthQuery().queryKey, HEALTH);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <ContactPointsPage role={role} />
    </QueryClientProvider>,
  );
}

describe("/me/notifications", () => {
  it("lists one's contact points by name with their threshold, last delivery and problem, never their ids", () => {
    const html = render("operator", POINTS);
    expect(html).toContain("Pager bridge");
    expect(html).toContain("Major and above");
    expect(html).toContain("Critical only");
    expect(html).toContain("the receiver answered HTTP 503");
    expect(html).toContain("email is not configured");
    expect(html).toContain("Send test");
    for (const point of POINTS) expect(html).not.toContain(point.id);
    expect(html).not.toContain("Delivery health");
  });

  it("says what to do when there are none, and that field crews get test messages only for now", () => {
    const html = render("field", []);
    expect(html).toContain("No contact points yet");
    expect(html).toContain("yours receive the test messages you send for now");
  });

  it("shows a loading state before the list arrives, and admins the delivery health card", () => {
    const html = render("admin", undefined);
    expect(html).toContain("Loading your contact points");
    expect(html).toContain("Delivery health");
    expect(html).toContain("Email is not configured: set SMTP_URL and SMTP_FROM.");
  });
});
