import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import { alertRecord } from "@/test/fixtures/alert-record";
import { AlertFilters } from "./alert-filters";
import { AlertRow } from "./alert-row";

const alert = (silenced: TAlert["silenced"]): TAlert =>
  alertRecord({
    ruleId: "waste.bin-burning",
    ruleName: "Bin on fire",
    domain: "waste",
    entityId: "bin-1",
    severity: "critical",
    message: "Bin reports burning",
    value: "burning",
    worstValue: "burning",
    zone: "Central",
    silenced,
    version: 0,
  });

// The row names its entity from the city's entity index (a query): an empty client is enough here.
const row = (a: TAlert) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <AlertRow alert={a} now={null} isSelected={false} isRelated={false} onSelect={() => {}} />
    </QueryClientProvider>,
  );

describe("silenced alerts in the queue", () => {
  it("carry a 'Silenced: <reason>' chip; others do not", () => {
    const html = row(alert({ id: "s1", reason: "Fire drill", endsAt: "2026-01-01T11:00:00.000Z" }));
    expect(html).toContain('data-silenced="true"');
    expect(html).toMatch(/data-testid="alert-silenced-chip"[^>]*>Silenced: (<!-- -->)?Fire drill</);
    expect(row(alert(null))).not.toContain("alert-silenced-chip");
  });

  it("offer a 'Show silenced' box in the filters, with how many are silenced", () => {
    const render = (showSilenced: boolean, silencedCount: number) =>
      renderToStaticMarkup(
        // The domain choices come from the city's configuration (a query): an empty client offers the built-in ones.
        <QueryClientProvider client={new QueryClient()}>
          <AlertFilters
            filters={{}}
            zones={["Central"]}
            onChange={() => {}}
            showSilenced={showSilenced}
            onShowSilencedChange={() => {}}
            silencedCount={silencedCount}
          />
        </QueryClientProvider>,
      );
    expect(render(false, 2)).toMatch(/<input type="checkbox"[^>]*data-testid="alert-filter-show-silenced"[^>]*\/>Show silenced \(2\)/);
    const box = (html: string) => /<input type="checkbox"[^>]*alert-filter-show-silenced[^>]*>/.exec(html)?.[0] ?? "";
    expect(box(render(false, 2))).not.toContain("checked");
    expect(box(render(true, 0))).toContain("checked");
    expect(render(true, 0)).toContain(">Show silenced</label>");
  });
});
