import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { ZDeadLetterCounts, ZDeadLetterPage } from "@/lib/contracts/dead-letters";
import { requestJson } from "@/components/api/request-json";
import { deadLettersApiUrl, type TDeadLetterFilters } from "./dead-letter-filters";

const DEAD_LETTER_PAGE_SIZE = 25;
/** The counts chart's window. */
export const DEAD_LETTER_COUNT_HOURS = 24;

export const deadLetterKeys = {
  all: ["dead-letters"] as const,
  pages: (filters: TDeadLetterFilters) => ["dead-letters", "pages", filters] as const,
  counts: (hours: number) => ["dead-letters", "counts", hours] as const,
};

/** GET /api/dead-letters, one keyset page at a time: "Load more" passes the previous page's nextCursor. */
export const deadLetterPagesQuery = (filters: TDeadLetterFilters) =>
  infiniteQueryOptions({
    queryKey: deadLetterKeys.pages(filters),
    queryFn: ({ pageParam, signal }) =>
      requestJson(deadLettersApiUrl(filters, pageParam, DEAD_LETTER_PAGE_SIZE), ZDeadLetterPage, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 0,
  });

/** GET /api/dead-letters/counts: letters per hour and reason, and their sources (the source filter's options). */
export const deadLetterCountsQuery = (hours = DEAD_LETTER_COUNT_HOURS) =>
  queryOptions({
    queryKey: deadLetterKeys.counts(hours),
    queryFn: ({ signal }) => requestJson(`/api/dead-letters/counts?hours=${hours}`, ZDeadLetterCounts, { signal }),
    staleTime: 0,
  });
