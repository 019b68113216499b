// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TRecommendation, TRecommendedUnit } from "@/lib/contracts/units";
import { jsonResponse } from "@/test/fixtures/browser-api";
import { RecommendedUnits } from "./recommended-units";

const INCIDENT: TIncident = {
  id: "inc-1",
  number: "INC-2026-000001",
  type: "fire",
  priority: "P1",
  status: "new",
  location: [-85.63, 41.94],
  zone: "Central",
  address: null,
  description: "Smoke from a roof",
  alertIds: [],
  createdBy: null,
  createdAt: "2026-12-03T18:00:00.000Z",
  updatedAt: "2026-12-03T18:00:00.000Z",
  version: 1,
};

const unit = (change: Partial<TRecommendedUnit> & Pick<TRecommendedUnit, "unitId" | "callSign">): TRecommendedUnit => ({
  type: "fire",
  status: "available",
  etaSeconds: 240,
  distanceM: 2_000,
  suggested: false,
  route: [],
  ...change,
});

/** The recommendation the stubbed endpoint answers with; the panel fetches it itself, as in the app. */
function renderWith(units: TRecommendedUnit[]) {
  const body: TRecommendation = {
    incidentId: INCIDENT.id,
    runCard: { incidentType: "fire", units: { fire: 1 }, ackWithinSeconds: 120 },
    units,
    shortfall: {},
  };
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => jsonResponse(200, body)),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RecommendedUnits incident={INCIDENT} onPreviewRoute={() => {}} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("RecommendedUnits", () => {
  it("names a home unit's area in words beside it, ticks it, and says why home units come first", async () => {
    renderWith([
      unit({ unitId: "E-2", callSign: "Engine 2", etaSeconds: 120 }),
      unit({ unitId: "E-3", callSign: "Engine 3", etaSeconds: 300, suggested: true, homeArea: "Fire area West" }),
    ]);
    const home = await screen.findByTestId("recommended-unit-E-3");
    expect(within(home).getByText("Home area: Fire area West")).toBeTruthy();
    // In the checkbox's label, so a screen reader announces it with the unit.
    expect(within(home).getByRole("checkbox", { name: /Engine 3.*Home area: Fire area West/ })).toHaveProperty("checked", true);
    const nearer = screen.getByTestId("recommended-unit-E-2");
    expect(within(nearer).queryByText(/Home area/)).toBeNull();
    expect(within(nearer).getByRole("checkbox")).toHaveProperty("checked", false);
    expect(screen.getByTestId("dispatch-home-note").textContent).toContain("fire area or police beat are ticked first");
  });

  it("says nothing about home areas when no unit has one", async () => {
    renderWith([unit({ unitId: "E-2", callSign: "Engine 2", suggested: true })]);
    await screen.findByTestId("recommended-unit-E-2");
    expect(screen.queryByTestId("dispatch-home-note")).toBeNull();
    expect(screen.queryByText(/Home area/)).toBeNull();
  });
});
