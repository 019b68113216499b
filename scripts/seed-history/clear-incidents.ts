import type pg from "pg";

/**
 * --truncate: removes every incident with its timeline and dispatches. TRUNCATE is not possible (units
 * and alerts reference incidents, and truncating units would cascade into users), so links are cut and
 * rows deleted. Runs in the seeding session with session_replication_role = replica, which is what
 * lets the append-only timeline be deleted at all; the triggers stay in place for everyone else.
 */
export async function clearIncidents(client: pg.Client): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(
      `UPDATE units SET incident_id = NULL, needs_backup = false,
         status = CASE WHEN status IN ('dispatched', 'enRoute', 'onScene') THEN 'available' ELSE status END
       WHERE incident_id IS NOT NULL`,
    );
    // Any other table pointing at incidents (present or added later): nullable links are cut, the rest deleted.
    const { rows } = await client.query<{ table: string; column: string; nullable: boolean }>(
      `SELECT c.conrelid::regclass::text AS table, a.attname AS column, NOT a.attnotnull AS nullable
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND c.confrelid = 'incidents'::regclass AND c.conrelid <> 'incidents'::regclass`,
    );
    for (const { table, column, nullable } of rows) {
      const ident = (name: string) => `"${name.replaceAll('"', "").replace(/^public\./, "")}"`;
      await client.query(
        nullable
          ? `UPDATE ${ident(table)} SET ${ident(column)} = NULL WHERE ${ident(column)} IS NOT NULL`
          : `DELETE FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL`,
      );
    }
    await client.query("DELETE FROM incidents");
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
