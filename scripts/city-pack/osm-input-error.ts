/**
 * A problem with the importer's input (file, format, bbox) that the user can fix.
 * The message is one line saying what is wrong and where; the CLI prints it alone,
 * without a stack trace.
 */
export class OsmInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OsmInputError";
  }
}
