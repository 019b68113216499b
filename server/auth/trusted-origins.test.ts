import { describe, expect, it } from "vitest";
import { trustedOrigins } from "./trusted-origins";

describe("trustedOrigins", () => {
  it("adds the other loopback spellings for a local PUBLIC_URL", () => {
    expect(trustedOrigins("http://localhost:3100")).toEqual(["http://localhost:3100", "http://127.0.0.1:3100", "http://[::1]:3100"]);
  });
  it("trusts exactly a public PUBLIC_URL", () => {
    expect(trustedOrigins("https://ops.example.org")).toEqual(["https://ops.example.org"]);
  });
  it("adds ALLOWED_ORIGINS as origins (an operator's trailing slash or path dropped), once each", () => {
    expect(
      trustedOrigins("https://ops.example.org", ["https://wall.example.org/", "https://ops.example.org", "http://10.0.0.5:3000/x"]),
    ).toEqual(["https://ops.example.org", "https://wall.example.org", "http://10.0.0.5:3000"]);
  });
});
