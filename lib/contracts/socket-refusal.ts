import { z } from "zod";

/**
 * Why the server refused a socket handshake (the message of the client's connect_error):
 * "unauthorized" — no valid session, sign in again; "unavailable" — the server cannot check the
 * session right now (its database is unreachable), retry later with the same session.
 */
export const ZSocketRefusal = z.enum(["unauthorized", "unavailable"]);
export type TSocketRefusal = z.infer<typeof ZSocketRefusal>;
