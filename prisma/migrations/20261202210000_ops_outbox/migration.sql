-- Operational events (alert, incident, unit changes) waiting for Kafka: the transactional outbox.
-- CreateTable
CREATE TABLE "ops_outbox" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "entity" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "ops_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ops_outbox_published_at_id_idx" ON "ops_outbox"("published_at", "id");
