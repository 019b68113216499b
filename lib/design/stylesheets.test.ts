import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FONT_SIZE } from "./tokens";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Every CSS module beside the components and every stylesheet under app/. */
function stylesheets(): string[] {
  const modules = readdirSync(path.join(ROOT, "components"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".module.css"))
    .map((file) => path.join("components", file));
  const app = readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".css"))
    .map((file) => path.join("app", file));
  return [...modules, ...app].sort();
}

/** Comments may name a colour or a size; only declarations count. */
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, "");

function findings(pattern: RegExp, accept: (match: RegExpExecArray) => boolean): string[] {
  return stylesheets().flatMap((file) => {
    const css = withoutComments(readFileSync(path.join(ROOT, file), "utf8"));
    return [...css.matchAll(pattern)].filter((match) => !accept(match)).map((match) => `${file}: ${match[0].trim()}`);
  });
}

const SCALE_VARIABLE = new RegExp(`^var\\(--font-size-(${Object.keys(FONT_SIZE).join("|")})\\)$`);

describe("stylesheets take sizes and colours from the tokens", () => {
  it("finds the stylesheets", () => {
    expect(stylesheets().length).toBeGreaterThan(50);
  });

  it("sizes text only with the type scale (var(--font-size-…), inherit or em)", () => {
    const found = findings(/font-size\s*:\s*([^;}]+)/g, (match) => {
      const value = match[1].trim();
      return SCALE_VARIABLE.test(value) || value === "inherit" || /^[0-9.]+em$/.test(value);
    });
    expect(found).toEqual([]);
  });

  it("sizes the font shorthand with the type scale too", () => {
    const found = findings(/(?<![\w-])font\s*:\s*([^;}]+)/g, (match) => !/[0-9.]+(px|rem|pt)\b/.test(match[1]));
    expect(found).toEqual([]);
  });

  it("writes no hex colour literal (colours are CSS variables from lib/design/tokens.ts)", () => {
    const found = findings(/#[0-9a-fA-F]{3,8}\b/g, () => false);
    expect(found).toEqual([]);
  });

  it("writes no rgb()/hsl() literal either (a see-through token is color-mix(in srgb, var(--…) N%, transparent))", () => {
    const found = findings(COLOR_FUNCTION_LITERAL, () => false);
    expect(found).toEqual([]);
  });
});

/** rgb(255 255 255 / 0.1), rgba(0, 0, 0, .5), hsl(…): a colour function written with numbers, not built from a token. */
const COLOR_FUNCTION_LITERAL = /\b(?:rgba?|hsla?)\(\s*[0-9.]/g;
const HEX_LITERAL = /["'`]#[0-9a-fA-F]{3,8}\b/g;

/** Code under components/, app/ and lib/ (tests aside): colours come from lib/design/tokens.ts, the one file allowed to spell them. */
function codeFiles(): string[] {
  return ["components", "app", "lib"]
    .flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
        .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
        .map((file) => path.join(dir, file)),
    )
    .filter((file) => file !== path.join("lib", "design", "tokens.ts"))
    .sort();
}

describe("components take colours from the tokens", () => {
  it("finds the code", () => {
    expect(codeFiles().length).toBeGreaterThan(100);
  });

  it("writes no hex, rgb() or hsl() colour literal outside lib/design/tokens.ts", () => {
    const found = codeFiles().flatMap((file) => {
      const code = readFileSync(path.join(ROOT, file), "utf8");
      return [...code.matchAll(HEX_LITERAL), ...code.matchAll(COLOR_FUNCTION_LITERAL)].map((match) => `${file}: ${match[0]}`);
    });
    expect(found).toEqual([]);
  });
});
