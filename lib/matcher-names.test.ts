import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZSilenceMatchers } from "@/lib/contracts/silences";
import { NO_ZONE } from "@/lib/contracts/zones";
import { unknownDomainMessage, unknownZoneMessage } from "./matcher-names";

/** Zone names as people draw them: words, spaces, dashes, accents; never blank at either end. */
const zoneName = fc
  .string({ minLength: 1, maxLength: 30, unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'éÖ") })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const zonesInUse = fc.uniqueArray(zoneName, { minLength: 0, maxLength: 20 });
const blanks = fc.string({ maxLength: 4, unit: fc.constantFrom(" ", "\t", "\n", "\u00a0") });

/** The zone as the server's schema hands it on: trimmed (empty means no zone matcher at all). */
const asServerReads = (zone: string) => ZSilenceMatchers.safeParse({ zone }).data?.zone;

describe("unknownZoneMessage", () => {
  it("accepts every zone in use, with any whitespace around it", () => {
    fc.assert(
      fc.property(
        zonesInUse.filter((names) => names.length > 0),
        fc.nat(),
        blanks,
        blanks,
        (names, pick, before, after) => {
          expect(unknownZoneMessage(`${before}${names[pick % names.length]}${after}`, names)).toBeNull();
        },
      ),
    );
  });

  it("refuses any other name, its case included, listing the zones and No zone", () => {
    fc.assert(
      fc.property(zonesInUse, zoneName, (names, typed) => {
        fc.pre(!names.includes(typed) && typed !== NO_ZONE);
        const message = unknownZoneMessage(typed, names);
        expect(message?.startsWith(`Unknown zone "${typed}": choose one of `)).toBe(true);
        expect(message).toMatch(/No zone$/);
        // The server reads what the browser checked: the same name after its trim.
        expect(asServerReads(typed)).toBe(typed);
      }),
    );
    expect(unknownZoneMessage(" central ", ["Central"])).toBe('Unknown zone "central": choose one of Central, No zone');
  });

  it("refuses a zone in use typed in another case, as the server matches names exactly", () => {
    fc.assert(
      fc.property(
        zonesInUse.filter((names) => names.length > 0),
        fc.nat(),
        (names, pick) => {
          const shouted = names[pick % names.length]!.toUpperCase();
          fc.pre(!names.includes(shouted) && shouted !== NO_ZONE);
          expect(unknownZoneMessage(shouted, names)).not.toBeNull();
        },
      ),
    );
  });

  it("takes an empty field as any zone, and No zone always", () => {
    fc.assert(
      fc.property(zonesInUse, blanks, (names, blank) => {
        expect(unknownZoneMessage(blank, names)).toBeNull();
        expect(unknownZoneMessage(`${blank}${NO_ZONE}${blank}`, names)).toBeNull();
      }),
    );
  });

  it("lists the zones sorted, each once, at most twelve and how many more", () => {
    expect(unknownZoneMessage("Riverside", ["North", "Central", "North"])).toBe(
      'Unknown zone "Riverside": choose one of Central, North, No zone',
    );
    const many = Array.from({ length: 20 }, (_, i) => `Beat ${String(i + 1).padStart(2, "0")}`);
    expect(unknownZoneMessage("Beat 99", many)).toBe(`Unknown zone "Beat 99": choose one of ${many.slice(0, 12).join(", ")} or 9 more`);
  });
});

describe("unknownDomainMessage", () => {
  it("names the domain typed and the labels to choose from", () => {
    expect(unknownDomainMessage("air-qualty", ["Traffic", "Air quality"])).toBe(
      'Unknown domain "air-qualty": choose one of Traffic, Air quality',
    );
  });
});
