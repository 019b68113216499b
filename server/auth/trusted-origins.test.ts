import { describe, expect, it } from "vitest";
import { trustedOrigins } from "./trusted-origins";

describe("trustedOrigins", () => {
  it("adds the other loopback spellings for a local PUBLIC_URL", () => {
    expect(trustedOrigins("http://localhost:3100")).toEqual(["http://localhost:3100", "http://127.0.0.1:3100", "http://[::1]:3100"]);
  });
  it("trusts exactly a public PUBLIC_URL", () => {
    expect(trustedOrigins("https://ops.example.org")).toEqual(["https://ops.example.org"]);
  });
});
