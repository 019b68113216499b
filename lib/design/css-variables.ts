import {
  COLOR,
  FIELD_COLOR,
  FIELD_ROLE_COLOR,
  FONT_FAMILY,
  FONT_SIZE,
  LAYOUT,
  PRIORITY_COLOR,
  RADIUS,
  ROLE_COLOR,
  SEVERITY_COLOR,
  ZONE_KIND_COLOR,
  SHADOW,
  SPACE,
  UNIT_STATUS_COLOR,
  UNIT_TYPE_COLOR,
  Z_INDEX,
} from "./tokens";

type TDeclarations = Record<string, string>;

const kebab = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Palette keys that are data values (enRoute, P1) keep their spelling, so `--unit-${status}` works in markup. */
function prefixed(prefix: string, palette: Record<string, string | number>, unit = "", keepKeys = false): TDeclarations {
  return Object.fromEntries(
    Object.entries(palette).map(([key, value]) => [`--${prefix}${keepKeys ? key : kebab(key)}`, `${value}${unit}`]),
  );
}

const THEME_KEYS = [
  "bg",
  "surface",
  "surfaceRaised",
  "surfaceHover",
  "border",
  "borderStrong",
  "text",
  "textMuted",
  "textFaint",
  "accent",
  "ok",
  "warn",
  "alert",
  "inputBg",
] as const;

const ROOT_VARIABLES: TDeclarations = {
  "--font-sans": FONT_FAMILY.sans,
  "--font-mono": FONT_FAMILY.mono,
  ...prefixed("", COLOR),
  // /field's colours by name as well (--field-warn-fill): its tints exist in the light theme only.
  ...prefixed("field-", FIELD_COLOR),
  ...prefixed("role-", ROLE_COLOR, "", true),
  ...prefixed("sev-", SEVERITY_COLOR, "", true),
  ...prefixed("prio-", PRIORITY_COLOR, "", true),
  ...prefixed("unit-", UNIT_STATUS_COLOR, "", true),
  ...prefixed("unit-type-", UNIT_TYPE_COLOR, "", true),
  ...prefixed("zone-", ZONE_KIND_COLOR),
  ...prefixed("font-size-", FONT_SIZE, "px"),
  ...prefixed("space-", SPACE, "px"),
  ...prefixed("radius-", RADIUS, "px"),
  "--radius": `${RADIUS.panel}px`,
  "--shadow": SHADOW.raised,
  ...prefixed("z-", Z_INDEX),
  "--top-bar-height": `${LAYOUT.topBarHeight}px`,
  "--queue-width": `${LAYOUT.queueWidth}px`,
  "--drawer-width": `${LAYOUT.drawerWidth}px`,
};

const FIELD_THEME_VARIABLES: TDeclarations = {
  ...Object.fromEntries(THEME_KEYS.map((key) => [`--${kebab(key)}`, FIELD_COLOR[key]])),
  "--role-field": FIELD_ROLE_COLOR.field,
  "--shadow": SHADOW.fieldRaised,
};

const block = (selector: string, declarations: TDeclarations) =>
  `${selector}{${Object.entries(declarations)
    .map(([name, value]) => `${name}:${value};`)
    .join("")}}`;

/** The stylesheet app/layout.tsx puts in <head>: every token as a custom property, with its responsive overrides. */
export function renderCssVariables(): string {
  return [
    block(":root", { "color-scheme": "dark", ...ROOT_VARIABLES }),
    `@media (max-width: 1024px) and (min-width: 641px){${block(":root", { "--queue-width": `${LAYOUT.queueWidthTablet}px` })}}`,
    `@media (max-width: 640px){${block(":root", { "--top-bar-height": "auto" })}}`,
    block(".field-theme", FIELD_THEME_VARIABLES),
  ].join("\n");
}
