import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConnectionBadge } from "./connection-badge";

describe("ConnectionBadge", () => {
  it("names the instance serving this browser in its tooltip, once the server has said", () => {
    const served = renderToStaticMarkup(<ConnectionBadge status="live" onRetry={() => {}} instanceId="web-2" />);
    expect(served).toContain('title="Served by instance web-2"');
    expect(renderToStaticMarkup(<ConnectionBadge status="connecting" onRetry={() => {}} />)).not.toContain("title=");
  });
});
