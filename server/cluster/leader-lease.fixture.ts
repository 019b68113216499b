import { startLeaderLease } from "./leader-lease";

/** A process that holds the leader lease until it is killed (leader-lease.test.ts kills it with SIGKILL). */
const lease = await startLeaderLease({
  connectionString: process.env.LEASE_URL,
  lockKey: process.env.LEASE_KEY ?? "test-leader",
  retryMs: Number(process.env.LEASE_RETRY_MS ?? 200),
  log: () => {},
});
if (lease.isLeader()) console.log("leading");
else lease.onChange((isLeader) => void (isLeader && console.log("leading")));
setInterval(() => {}, 60_000);
