"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo } from "react";
import { assignableUsersQuery } from "@/components/alerts/assignable-users-query";
import { AlertHistoryTable } from "./alert-history-table";
import {
  firstPage,
  hasHistoryFilters,
  historyExportUrl,
  historyViewToSearch,
  nextPage,
  parseHistoryView,
  switchTab,
  withFilter,
  withPageSize,
  withSort,
  type TAlertHistoryView,
  type THistoryTab,
  type THistoryView,
  type TIncidentHistoryView,
} from "./history-filters";
import { HistoryFilterForm } from "./history-filter-form";
import { alertHistoryQuery, incidentHistoryQuery, unitChoicesQuery } from "./history-queries";
import { HistoryResults } from "./history-results";
import { rememberHistorySearch } from "./history-return";
import { IncidentHistoryTable } from "./incident-history-table";
import { ButtonLink } from "@/components/ui/button";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { Tab, TabList } from "@/components/ui/tabs";
import styles from "./history-browser.module.css";

const TABS: { id: THistoryTab; label: string }[] = [
  { id: "incidents", label: "Incidents" },
  { id: "alerts", label: "Alerts" },
];

type TGo = (next: THistoryView, how?: "push" | "replace") => void;

/**
 * /history: incidents and alerts of any period, filtered and sorted through the URL, one keyset page at a
 * time. Filter, sort and tab changes replace the URL; "Next page" pushes it, so Back returns to the
 * previous page.
 */
export function HistoryBrowser() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  // Re-derived from the URL, so back/forward and shared links show the same view.
  const view = useMemo(() => parseHistoryView(new URLSearchParams(search)), [search]);
  useEffect(() => rememberHistorySearch(search), [search]);
  const formKey = historyViewToSearch(firstPage({ ...view, sort: "newest" }));

  const units = useQuery({ ...unitChoicesQuery(), enabled: view.tab === "incidents" });
  const operators = useQuery(assignableUsersQuery());
  const operatorChoices = useMemo(
    () => operators.data?.map((u) => ({ id: u.id, label: `${u.name} (${u.role})` })) ?? null,
    [operators.data],
  );

  const go: TGo = (next, how = "replace") => {
    const query = historyViewToSearch(next);
    router[how](query ? `${pathname}?${query}` : pathname, { scroll: false });
  };

  return (
    <Page>
      <PageHead className={styles.head}>
        <div>
          <PageTitle>History</PageTitle>
          <PageSubtitle>
            Incidents and alerts of any period. The filters are part of the link: share or bookmark a view as it is.
          </PageSubtitle>
        </div>
        {view.tab === "incidents" && (
          <div className={styles.exports} role="group" aria-label="Export the filtered incidents">
            <ButtonLink href={historyExportUrl(view, "csv")} download data-testid="export-csv">
              Export CSV
            </ButtonLink>
            <ButtonLink href={historyExportUrl(view, "geojson")} download data-testid="export-geojson">
              Export GeoJSON
            </ButtonLink>
          </div>
        )}
      </PageHead>

      <TabList appearance="underline" aria-label="What to look through">
        {TABS.map((tab) => (
          <Tab
            key={tab.id}
            id={`history-tab-${tab.id}`}
            selected={view.tab === tab.id}
            aria-controls="history-panel"
            onClick={() => go(switchTab(view, tab.id))}
          >
            {tab.label}
          </Tab>
        ))}
      </TabList>

      <div className={styles.panel} role="tabpanel" id="history-panel" aria-labelledby={`history-tab-${view.tab}`}>
        <HistoryFilterForm
          key={formKey}
          view={view}
          units={units.data ?? null}
          operators={operatorChoices}
          onApply={(next) => go(next)}
          onClear={hasHistoryFilters(view) ? () => go(withFilter(view, {})) : null}
        />
        {view.tab === "incidents" ? <IncidentResults view={view} go={go} /> : <AlertResults view={view} go={go} />}
      </div>
    </Page>
  );
}

function pagerProps(view: THistoryView, go: TGo, nextCursor: string | null | undefined) {
  return {
    page: view.page,
    limit: view.limit,
    hasNextPage: Boolean(nextCursor),
    hasFilters: hasHistoryFilters(view),
    onNextPage: () => nextCursor && go(nextPage(view, nextCursor), "push"),
    onFirstPage: () => go(firstPage(view)),
    onPageSize: (limit: number) => go(withPageSize(view, limit)),
    onClearFilters: () => go(withFilter(view, {})),
  };
}

function IncidentResults({ view, go }: { view: TIncidentHistoryView; go: TGo }) {
  const query = useQuery(incidentHistoryQuery(view));
  const rows = query.data?.rows ?? [];
  return (
    <HistoryResults
      noun={{ one: "incident", many: "incidents" }}
      state={query}
      rowCount={rows.length}
      {...pagerProps(view, go, query.data?.nextCursor)}
    >
      <IncidentHistoryTable rows={rows} sort={view.sort} onSort={(sort) => go(withSort(view, sort))} />
    </HistoryResults>
  );
}

function AlertResults({ view, go }: { view: TAlertHistoryView; go: TGo }) {
  const query = useQuery(alertHistoryQuery(view));
  const rows = query.data?.rows ?? [];
  return (
    <HistoryResults
      noun={{ one: "alert", many: "alerts" }}
      state={query}
      rowCount={rows.length}
      {...pagerProps(view, go, query.data?.nextCursor)}
    >
      <AlertHistoryTable rows={rows} sort={view.sort} onSort={(sort) => go(withSort(view, sort))} />
    </HistoryResults>
  );
}
