-- Dead letters keep the original payload as bytes (text cannot hold NUL or invalid UTF-8) and its
-- original size; rows stored before this have neither.
-- AlterTable
ALTER TABLE "dead_letters" ADD COLUMN     "payload_bytes" BYTEA,
ADD COLUMN     "payload_size" INTEGER;
