import { describe, expect, it } from "vitest";
import { ZAlertHistoryQuery, ZExportQuery, ZIncidentHistoryQuery } from "@/lib/contracts/history";
import {
  firstPage,
  hasHistoryFilters,
  historyApiUrl,
  historyExportUrl,
  historyViewToSearch,
  nextPage,
  parseHistoryView,
  switchTab,
  withFilter,
  withSort,
  type TIncidentHistoryView,
  type THistoryView,
} from "./history-filters";
import { presetRange } from "./range-presets";

const queryOf = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);

const FULL_INCIDENTS: TIncidentHistoryView = {
  tab: "incidents",
  filter: {
    from: "2026-01-01T00:00:00.000Z",
    to: "2026-02-01T00:00:00.000Z",
    type: ["fire", "medical"],
    priority: ["P1", "P2"],
    status: ["resolved", "closed"],
    zone: "North-West",
    unit: "unit-e-1",
    operator: "user-123",
    q: "smoke, main st",
  },
  sort: "priority",
  cursor: "opaque-cursor",
  page: 3,
  limit: 100,
};

describe("/history filters in the URL", () => {
  it("round-trips every incident filter field, the sort, the page size and the cursor", () => {
    const search = historyViewToSearch(FULL_INCIDENTS);
    expect(parseHistoryView(new URLSearchParams(search))).toEqual(FULL_INCIDENTS);
    expect(search).toBe(
      "from=2026-01-01T00%3A00%3A00.000Z&to=2026-02-01T00%3A00%3A00.000Z&type=fire%2Cmedical&priority=P1%2CP2&status=resolved%2Cclosed" +
        "&zone=North-West&unit=unit-e-1&operator=user-123&q=smoke%2C+main+st&sort=priority&limit=100&cursor=opaque-cursor&page=3",
    );
  });

  it("round-trips every alert filter field", () => {
    const view: THistoryView = {
      tab: "alerts",
      filter: {
        from: "2026-01-01T00:00:00.000Z",
        domain: ["traffic", "waste"],
        severity: ["critical"],
        status: ["open"],
        zone: "Central",
        operator: "u1",
        q: "burning",
      },
      sort: "severity",
      page: 1,
      limit: 50,
    };
    const search = historyViewToSearch(view);
    expect(search.startsWith("tab=alerts&")).toBe(true);
    expect(parseHistoryView(new URLSearchParams(search))).toEqual(view);
  });

  it("keeps declared domains in the alert filter, in one order whatever order the link gave, and the server parses them back", () => {
    const view = parseHistoryView({ tab: "alerts", domain: "water-network,waste,Bad Id,air-quality,waste" });
    expect(view.filter).toEqual({ domain: ["waste", "air-quality", "water-network"] });
    expect(historyViewToSearch(view)).toBe("tab=alerts&domain=waste%2Cair-quality%2Cwater-network");
    expect(ZAlertHistoryQuery.parse(queryOf(historyApiUrl(view))).domain).toEqual(["waste", "air-quality", "water-network"]);
  });

  it("leaves out blanks, unknown list values, defaults and what the other tab filters on", () => {
    const view = parseHistoryView({
      type: "medical,alien,fire,fire, ",
      priority: "",
      status: "nope",
      zone: "  ",
      q: "  two words ",
      from: "yesterday",
      to: "2026-03-04T05:06:00+02:00",
      sort: "sideways",
      limit: "7",
      domain: "traffic",
      page: "4",
    });
    // Lists come back in the contract's order, once each.
    expect(view).toEqual({
      tab: "incidents",
      filter: { type: ["fire", "medical"], q: "two words", to: "2026-03-04T03:06:00.000Z" },
      sort: "newest",
      page: 1,
      limit: 50,
    });
    expect(historyViewToSearch(view)).toBe("to=2026-03-04T03%3A06%3A00.000Z&type=fire%2Cmedical&q=two+words");
    expect(historyViewToSearch(parseHistoryView({}))).toBe("");
    expect(hasHistoryFilters(parseHistoryView({ sort: "oldest" }))).toBe(false);
    expect(parseHistoryView({ tab: "alerts", type: "fire", sort: "priority" })).toMatchObject({
      tab: "alerts",
      filter: {},
      sort: "newest",
    });
  });

  it("builds API and export URLs the server's own query schemas parse back into the same filter", () => {
    const api = queryOf(historyApiUrl(FULL_INCIDENTS));
    const { cursor, page: _page, limit, sort, tab: _tab, filter } = FULL_INCIDENTS;
    expect(ZIncidentHistoryQuery.parse(api)).toEqual({ ...filter, sort, cursor, limit });
    expect(historyApiUrl(FULL_INCIDENTS).startsWith("/api/history/incidents?")).toBe(true);

    const exported = historyExportUrl(FULL_INCIDENTS, "geojson");
    expect(exported.startsWith("/api/history/incidents/export?format=geojson&")).toBe(true);
    expect(queryOf(exported)).not.toHaveProperty("cursor");
    expect(ZExportQuery.parse(queryOf(exported))).toEqual({ ...filter, format: "geojson" });

    const alerts = switchTab(FULL_INCIDENTS, "alerts");
    const alertApi = historyApiUrl(withFilter(alerts, { ...alerts.filter, severity: ["major", "minor"] } as never));
    expect(alertApi.startsWith("/api/history/alerts?")).toBe(true);
    expect(ZAlertHistoryQuery.parse(queryOf(alertApi))).toMatchObject({
      severity: ["major", "minor"],
      q: "smoke, main st",
      sort: "newest",
      limit: 100,
    });
  });

  it("goes back to the first page when the filter, sort or tab changes", () => {
    const page3 = nextPage(nextPage(firstPage(FULL_INCIDENTS), "c1"), "c2");
    expect(page3).toMatchObject({ cursor: "c2", page: 3 });
    expect(withFilter(page3, { zone: "Central" })).toMatchObject({ filter: { zone: "Central" }, cursor: undefined, page: 1 });
    expect(withSort(page3, "oldest")).toMatchObject({ sort: "oldest", cursor: undefined, page: 1 });
    expect(switchTab(page3, "alerts")).toEqual({
      tab: "alerts",
      filter: {
        from: FULL_INCIDENTS.filter.from,
        to: FULL_INCIDENTS.filter.to,
        zone: "North-West",
        operator: "user-123",
        q: "smoke, main st",
      },
      sort: "newest",
      cursor: undefined,
      page: 1,
      limit: 100,
    });
  });

  it("turns range presets into an open-ended range from a whole minute", () => {
    const now = new Date("2026-05-10T12:34:56.789Z");
    expect(presetRange("24h", now)).toEqual({ from: "2026-05-09T12:34:00.000Z" });
    expect(presetRange("7d", now)).toEqual({ from: "2026-05-03T12:34:00.000Z" });
    expect(presetRange("all", now)).toEqual({});
  });
});
