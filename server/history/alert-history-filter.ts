import type { z } from "zod";
import type { ZAlertHistoryFilter } from "@/lib/contracts/history";
import { Prisma } from "@/server/db/generated/client";

type TAlertHistoryFilter = z.infer<typeof ZAlertHistoryFilter>;

/**
 * The WHERE conditions of an alert history filter on `alerts t`. Free text is a case-insensitive
 * substring match, every word in the message or the rule name: alert messages are short machine text
 * ("Bin reports burning"), where part-words ("burn") matter more than ranking.
 */
export function alertHistoryConditions(filter: TAlertHistoryFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filter.from) conditions.push(Prisma.sql`t.first_seen_at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(Prisma.sql`t.first_seen_at < ${filter.to}::timestamptz`);
  if (filter.domain?.length) conditions.push(Prisma.sql`t.domain IN (${Prisma.join(filter.domain)})`);
  if (filter.severity?.length) {
    conditions.push(Prisma.sql`t.severity IN (${Prisma.join(filter.severity.map((s) => Prisma.sql`${s}::alert_severity`))})`);
  }
  if (filter.status?.length) conditions.push(Prisma.sql`t.status IN (${Prisma.join(filter.status)})`);
  if (filter.zone) conditions.push(Prisma.sql`t.zone = ${filter.zone}`);
  if (filter.operator) conditions.push(Prisma.sql`t.acknowledged_by_id = ${filter.operator}`);
  for (const word of (filter.q ?? "").split(/\s+/).filter(Boolean).slice(0, 10)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(Prisma.sql`(t.message ILIKE ${pattern} OR t.rule_name ILIKE ${pattern})`);
  }
  return conditions;
}
