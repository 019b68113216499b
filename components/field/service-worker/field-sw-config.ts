/** Where the built worker is served and what it controls: the field page only, never the control room. */
export const FIELD_WORKER_PATH = "/field-sw.js";
export const FIELD_WORKER_SCOPE = "/field";
/** The push handler shared with the control room's worker (public/push-sw.js), imported into this one. */
export const PUSH_HANDLER_PATH = "/push-sw.js";

export const FIELD_PAGE_CACHE = "citynerve-field-page";
export const FIELD_ASSET_CACHE = "citynerve-field-assets";
export const FIELD_STATIC_CACHE = "citynerve-field-static";
