"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import type { TDeadLetterView } from "@/lib/contracts/dead-letters";
import { errorMessage } from "@/components/api/request-json";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { Page, PageHead, PageSubtitle, PageTitle } from "@/components/ui/page";
import { DataSection } from "@/components/ui/data-section";
import { TableCount, TableFoot } from "@/components/ui/table";
import { DeadLetterActionBar } from "./dead-letter-action-bar";
import { DeadLetterCountsCard } from "./dead-letter-counts-card";
import { deadLetterFiltersToSearch, hasDeadLetterFilters, parseDeadLetterFilters, type TDeadLetterFilters } from "./dead-letter-filters";
import { DeadLetterFilterForm } from "./dead-letter-filter-form";
import { deadLetterCountsQuery, deadLetterPagesQuery } from "./dead-letter-queries";
import { DeadLetterTable } from "./dead-letter-table";

/** While a replay's result is still coming back from the pipeline, the list reads again this often… */
const PENDING_REFETCH_MS = 2000;
/** …for this long at most (a replay whose server stopped before it went out stays pending). */
const PENDING_WATCH_MS = 60_000;

const isAwaitingOutcome = (letter: TDeadLetterView) =>
  letter.replayOutcome === "pending" && Date.now() - Date.parse(letter.lastReplayedAt ?? "") < PENDING_WATCH_MS;

/** /dead-letters: messages the pipeline rejected, newest first, filtered through the URL; replay them or mark them handled. */
export function DeadLetters() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const filters = useMemo(() => parseDeadLetterFilters(new URLSearchParams(search)), [search]);
  const letters = useInfiniteQuery({
    ...deadLetterPagesQuery(filters),
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.letters.some(isAwaitingOutcome)) ? PENDING_REFETCH_MS : false),
  });
  const counts = useQuery(deadLetterCountsQuery());
  const rows = useMemo(() => letters.data?.pages.flatMap((page) => page.letters) ?? [], [letters.data]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // Only letters still shown count as selected (a filter change or a refetch may have removed some).
  const selectedIds = rows.filter((l) => selected.has(l.id)).map((l) => l.id);

  const applyFilters = (next: TDeadLetterFilters) => {
    const query = deadLetterFiltersToSearch(next);
    setSelected(new Set());
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  const toggle = (id: string, isSelected: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (isSelected) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Page>
      <PageHead>
        <div>
          <PageTitle>Dead letters</PageTitle>
          <PageSubtitle>
            Messages the city rejected as invalid, newest first. Replay them to their source once the cause is fixed, or mark them as
            handled. Filters are part of the link.
          </PageSubtitle>
        </div>
      </PageHead>

      <DeadLetterCountsCard counts={counts} />
      <DeadLetterFilterForm filters={filters} sources={counts.data?.sources.map((s) => s.topic) ?? []} onApply={applyFilters} />

      <Card flush aria-label="Dead letters" aria-busy={letters.isPending || letters.isFetchingNextPage}>
        <DataSection
          query={letters}
          size="page"
          loading="Loading dead letters…"
          failed="The dead letters could not be loaded"
          keepsRowsOnError
          isEmpty={() => rows.length === 0}
          empty={{
            testId: "dead-letters-empty",
            title: hasDeadLetterFilters(filters) ? "No dead letters match these filters" : "No dead letters waiting",
            detail: hasDeadLetterFilters(filters)
              ? "Choose another reason or source, or show handled letters too."
              : "Every message received so far was valid, or its dead letter has been handled.",
            action: hasDeadLetterFilters(filters) && <Button onClick={() => applyFilters({})}>Clear filters</Button>,
          }}
        >
          {() => (
            <>
              <DeadLetterActionBar selectedIds={selectedIds} onDone={() => setSelected(new Set())} />
              <DeadLetterTable
                letters={rows}
                selected={selected}
                onToggle={toggle}
                onToggleAll={(isSelected) => setSelected(new Set(isSelected ? rows.map((l) => l.id) : []))}
              />
              <TableFoot>
                <TableCount role="status" aria-live="polite">
                  {rows.length} {rows.length === 1 ? "letter" : "letters"}
                  {letters.hasNextPage ? " shown" : ""}
                </TableCount>
                {letters.isError && <FormError>{errorMessage(letters.error)}</FormError>}
                {letters.hasNextPage ? (
                  <Button onClick={() => void letters.fetchNextPage()} disabled={letters.isFetchingNextPage}>
                    {letters.isFetchingNextPage ? "Loading…" : "Load more"}
                  </Button>
                ) : (
                  <span className="muted">No older letters</span>
                )}
              </TableFoot>
            </>
          )}
        </DataSection>
      </Card>
    </Page>
  );
}
