-- Citizens' reports through Open311 (server/open311/). Hand-written to match prisma/schema.prisma.
-- CreateTable
CREATE TABLE "citizen_reports" (
    "id" UUID NOT NULL,
    "api_key_id" UUID NOT NULL,
    "service_code" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "address" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "media_url" TEXT,
    "email" TEXT,
    "first_name" TEXT,
    "last_name" TEXT,
    "phone" TEXT,
    "alert_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "citizen_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "citizen_reports_alert_id_created_at_idx" ON "citizen_reports"("alert_id", "created_at");

-- CreateIndex
CREATE INDEX "citizen_reports_api_key_id_created_at_idx" ON "citizen_reports"("api_key_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "citizen_reports" ADD CONSTRAINT "citizen_reports_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citizen_reports" ADD CONSTRAINT "citizen_reports_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
