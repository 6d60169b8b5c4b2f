/** A problem with the database itself (not with input data): too new, not a dzkj database, unreadable. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}
