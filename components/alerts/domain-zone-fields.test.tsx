import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ZONE_NAMES } from "@/lib/zones";
import { DomainZoneFields } from "./domain-zone-fields";

/** Domains and zones come from queries (none answered here: the built-in domains and the default zone names). */
const render = (domain: string, zone: string) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <DomainZoneFields id="f" domain={domain} zone={zone} onDomainChange={() => {}} onZoneChange={() => {}} testIdPrefix="policy" />
    </QueryClientProvider>,
  );

describe("DomainZoneFields", () => {
  it("labels both fields, offers any domain first and the city's zones to pick", () => {
    const html = render("", "");
    expect(html).toContain('<label for="f-domain"');
    expect(html).toContain('<label for="f-zone"');
    expect(html).toMatch(/<select[^>]*id="f-domain"[^>]*data-testid="policy-domain"/);
    expect(html).toMatch(/<option value="" selected="">Any domain<\/option><option value="traffic"/);
    expect(html).toMatch(/<input[^>]*list="f-zones"[^>]*placeholder="Any zone"[^>]*data-testid="policy-zone"/);
    for (const zone of ZONE_NAMES) expect(html).toContain(`<option value="${zone}">`);
  });

  it("shows the chosen domain and the typed zone", () => {
    const html = render("waste", "Old Town");
    expect(html).toContain('<option value="waste" selected="">');
    expect(html).toContain('value="Old Town"');
  });
});
