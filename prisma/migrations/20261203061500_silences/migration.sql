-- Silences and maintenance windows (server/silences/). Hand-written to match prisma/schema.prisma.
-- AlterTable
ALTER TABLE "alerts" ADD COLUMN "silenced_by" JSONB;

-- CreateTable
CREATE TABLE "silences" (
    "id" UUID NOT NULL,
    "rule_id" TEXT,
    "entity_id" TEXT,
    "domain" TEXT,
    "zone" TEXT,
    "window" JSONB NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by_id" TEXT,
    "cancelled_by_name" TEXT,

    CONSTRAINT "silences_pkey" PRIMARY KEY ("id"),
    -- A silence that matches everything would mute the whole city.
    CONSTRAINT "silences_some_matcher" CHECK ("rule_id" IS NOT NULL OR "entity_id" IS NOT NULL OR "domain" IS NOT NULL OR "zone" IS NOT NULL)
);

-- CreateIndex
CREATE INDEX "silences_ends_at_idx" ON "silences"("ends_at");
