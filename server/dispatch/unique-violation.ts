import { Prisma } from "@/server/db/generated/client";

/** A unique index refused the write (PostgreSQL 23505, Prisma P2002): someone else got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
