-- Zones admins import or draw (server/zones/), with every saved state. Hand-written to match prisma/schema.prisma.
-- CreateTable
CREATE TABLE "zones" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "geometry" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "zones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "zone_revisions" (
    "id" UUID NOT NULL,
    "zone_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "change" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "geometry" JSONB NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changed_by_id" TEXT,

    CONSTRAINT "zone_revisions_pkey" PRIMARY KEY ("id")
);

-- Names are unique within a kind among the zones in use; a removed zone's name may be used again.
CREATE UNIQUE INDEX "zones_kind_name_live_key" ON "zones"("kind", "name") WHERE "removed_at" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "zone_revisions_zone_id_version_key" ON "zone_revisions"("zone_id", "version");

-- AddForeignKey
ALTER TABLE "zones" ADD CONSTRAINT "zones_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "zone_revisions" ADD CONSTRAINT "zone_revisions_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zones"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "zone_revisions" ADD CONSTRAINT "zone_revisions_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
