-- Dead letters people can fix: replayed to their source (a replay that fails again updates its row), or
-- marked as handled. reason_kind groups the free-text reasons for filters and counts; older rows get theirs
-- from the reason's prefix, as server/ingest/dead-letter-reason.ts classifies new ones.
-- AlterTable
ALTER TABLE "dead_letters" ADD COLUMN     "key_bytes" BYTEA,
ADD COLUMN     "reason_kind" TEXT NOT NULL DEFAULT 'other',
ADD COLUMN     "entity_id" TEXT,
ADD COLUMN     "replay_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "last_replayed_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_replayed_by" TEXT,
ADD COLUMN     "replay_outcome" TEXT,
ADD COLUMN     "last_failed_at" TIMESTAMPTZ(3),
ADD COLUMN     "handled_at" TIMESTAMPTZ(3),
ADD COLUMN     "handled_by_id" TEXT,
ADD COLUMN     "handled_by" TEXT,
ADD COLUMN     "handled_note" TEXT;

UPDATE "dead_letters" SET "reason_kind" = CASE
  WHEN "reason" LIKE 'empty message%' THEN 'empty'
  WHEN "reason" LIKE 'message too large%' THEN 'too_large'
  WHEN "reason" LIKE 'invalid JSON%' THEN 'invalid_json'
  WHEN "reason" LIKE 'schema%' THEN 'schema'
  WHEN "reason" LIKE 'wrong topic%' THEN 'wrong_topic'
  WHEN "reason" LIKE 'unknown entity%' THEN 'unknown_entity'
  WHEN "reason" LIKE 'assetKind mismatch%' THEN 'asset_kind_mismatch'
  WHEN "reason" LIKE 'observedAt%' THEN 'time'
  WHEN "reason" LIKE 'failed while applying%' THEN 'apply_failed'
  ELSE 'other'
END;

-- CreateIndex
CREATE INDEX "dead_letters_reason_kind_received_at_idx" ON "dead_letters"("reason_kind", "received_at" DESC);
