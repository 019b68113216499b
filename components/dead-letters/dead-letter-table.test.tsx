import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TDeadLetterView } from "@/lib/contracts/dead-letters";
import { DeadLetterTable } from "./dead-letter-table";

const LETTER: TDeadLetterView = {
  id: "0b9f4a52-8f55-4c2a-9d0e-5c1a7e0c1f11",
  receivedAt: "2026-11-24T13:00:00.000Z",
  reason: 'invalid JSON: Unexpected token "<script>"',
  reasonKind: "invalid_json",
  source: { kind: "kafka", topic: "city.waste", partition: 2, offset: "1041" },
  entityId: "bin-1",
  key: "bin-1",
  payload: { text: "<script>alert(1)</script>", hex: null, size: 25, isTruncated: false },
  replayCount: 2,
  lastReplayedAt: "2026-11-24T14:00:00.000Z",
  lastReplayedBy: "Sam Supervisor",
  replayOutcome: "failed",
  lastFailedAt: "2026-11-24T14:00:01.000Z",
  handled: { at: "2026-11-24T15:00:00.000Z", by: "Ada Admin", note: "<b>firmware</b> fixed" },
  notReplayableBecause: null,
};

const render = (letters: TDeadLetterView[], selected: string[] = []) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <DeadLetterTable letters={letters} selected={new Set(selected)} onToggle={() => {}} onToggleAll={() => {}} />
    </QueryClientProvider>,
  );

describe("DeadLetterTable", () => {
  it("shows reason, source, replays and who handled it, every outside text as text", () => {
    const html = render([LETTER], [LETTER.id]);
    expect(html).toContain("Not valid JSON");
    expect(html).toContain("Kafka city.waste · partition 2 · offset 1041");
    expect(html).toContain("Replayed 2× · Replay failed again (last by Sam Supervisor)");
    expect(html).toContain("by Ada Admin");
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain("&lt;b&gt;firmware&lt;/b&gt; fixed");
    expect(html).toMatch(/aria-label="Select every letter shown" checked=""/);
  });

  it("says when a letter cannot be replayed, and shows one never acted on as not handled", () => {
    const html = render([
      {
        ...LETTER,
        replayCount: 0,
        replayOutcome: null,
        handled: null,
        notReplayableBecause: "Only the first 16 of its 70000 bytes were kept",
      },
    ]);
    expect(html).toContain("Not handled");
    expect(html).toContain("Cannot be replayed: Only the first 16 of its 70000 bytes were kept");
    expect(html).not.toContain("Replayed");
  });
});
