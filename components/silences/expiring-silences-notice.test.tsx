import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TSilence } from "@/lib/contracts/silences";
import { ExpiringSilencesNotice } from "./expiring-silences-notice";

const now = Date.parse("2026-12-03T10:00:00Z");
const silence = (id: string, endsInMinutes: number, over: Partial<TSilence> = {}): TSilence => ({
  id,
  matchers: { zone: "Old Town" },
  window: { kind: "once", startsAt: "2026-12-03T09:00:00.000Z", endsAt: new Date(now + endsInMinutes * 60_000).toISOString() },
  reason: `Works ${id}`,
  createdBy: { id: "u1", name: "Sam Supervisor" },
  createdAt: "2026-12-03T08:00:00.000Z",
  startsAt: "2026-12-03T09:00:00.000Z",
  endsAt: new Date(now + endsInMinutes * 60_000).toISOString(),
  cancelledAt: null,
  cancelledBy: null,
  ...over,
});

/** Domain names come from the city's configuration, a query (none here: the built-in names). */
const render = (element: ReactElement) =>
  renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{element}</QueryClientProvider>);

describe("the expiring-silences notice", () => {
  it("lists active silences that end within 15 minutes, and nothing else", () => {
    const html = render(
      <ExpiringSilencesNotice
        silences={[
          silence("soon", 10),
          silence("edge", 15),
          silence("later", 16),
          silence("over", -1),
          silence("cancelled", 5, { cancelledAt: "2026-12-03T09:30:00.000Z" }),
          silence("upcoming", 10, { startsAt: "2026-12-03T10:05:00.000Z" }),
        ]}
        now={now}
      />,
    );
    expect(html.match(/data-testid="expiring-silence"/g)).toHaveLength(2);
    expect(html).toContain("Works soon");
    expect(html).toContain("Expires in 10 min: new alerts it covers will ring again");
    expect(html).toContain("Works edge");
    expect(html).not.toMatch(/Works (later|over|cancelled|upcoming)/);
  });

  it("renders nothing while none is expiring or the clock is unknown", () => {
    expect(render(<ExpiringSilencesNotice silences={[silence("later", 30)]} now={now} />)).toBe("");
    expect(render(<ExpiringSilencesNotice silences={[silence("soon", 5)]} now={null} />)).toBe("");
  });
});
