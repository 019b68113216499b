import { FONT_FAMILY } from "@/lib/design/tokens";

/** The font deck.gl draws map labels with: the page's own sans-serif. */
export const LABEL_FONT = FONT_FAMILY.sans;

/**
 * The glyphs deck.gl puts in a label layer's font atlas. Its default is printable ASCII only, so "INC-… · P1"
 * drew no middle dot ("Missing character: · (183)"); labels may use the typographic marks below as well.
 */
export const LABEL_CHARACTER_SET: string[] = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), ..."·–—…°’“”"];
