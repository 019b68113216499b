import { afterEach, describe, expect, it, vi } from "vitest";

/** What app/layout.tsx puts on <html>: the city's zone and locale, whatever the browser's own settings. */
function onCityPage(dataset: Record<string, string>) {
  vi.stubGlobal("document", { documentElement: { dataset } });
  vi.resetModules();
  return import("./date-time");
}

describe("the city's clock", () => {
  afterEach(() => vi.unstubAllGlobals());
  const at = Date.parse("2026-12-02T14:02:05Z");

  it("shows every time in the city's zone and locale, and names the zone", async () => {
    const detroit = await onCityPage({ cityTimeZone: "America/Detroit", cityLocale: "en-US" });
    expect(detroit.formatClock(at)).toBe("09:02:05");
    expect(detroit.formatDate(at)).toBe("Dec 2, 2026");
    expect(detroit.formatTimeZoneName(at)).toBe("EST");

    const berlin = await onCityPage({ cityTimeZone: "Europe/Berlin", cityLocale: "de-DE" });
    expect(berlin.formatClock(at)).toBe("15:02:05");
    expect(berlin.formatDate(at)).toBe("2. Dez. 2026");
    expect(berlin.formatTimeZoneName(at)).toBe("MEZ");
  });
});
