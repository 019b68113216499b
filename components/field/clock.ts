const CLOCK = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const CLOCK_SECONDS = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** "14:02" in the phone's time zone. */
export const clockOf = (at: string | number) => CLOCK.format(typeof at === "string" ? Date.parse(at) : at);
export const clockWithSecondsOf = (at: number) => CLOCK_SECONDS.format(at);
