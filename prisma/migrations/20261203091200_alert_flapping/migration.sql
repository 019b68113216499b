-- Flapping alerts (server/rule-engine/episode.ts). Hand-written to match prisma/schema.prisma.
-- AlterTable
ALTER TABLE "alerts" ADD COLUMN "flapping" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "alerts" ADD COLUMN "flap" JSONB;
