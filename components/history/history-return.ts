const KEY = "citynerve.history.search";

/** The list's query string, kept for this tab so a detail page can lead back to the same filtered page. */
export function rememberHistorySearch(search: string): void {
  try {
    sessionStorage.setItem(KEY, search);
  } catch {
    // Storage disabled: the way back is the unfiltered list.
  }
}

export function historyReturnHref(): string {
  try {
    const search = sessionStorage.getItem(KEY);
    return search ? `/history?${search}` : "/history";
  } catch {
    return "/history";
  }
}
