// Holds the write lock of a SQLite database from a separate process, as another dzkj (a long
// import) or another program would: BEGIN IMMEDIATE, print "locked", and keep the transaction open
// until stdin ends (or a line arrives), then roll back. Used by the lock, restore and backup tests.
//   node test/support/lock-holder.mjs DB
import { createRequire } from "node:module";

const Database = createRequire(import.meta.url)("better-sqlite3");
const db = new Database(process.argv[2], { fileMustExist: true });
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\n");
const release = () => {
  if (db.inTransaction) db.exec("ROLLBACK");
  db.close();
  process.exit(0);
};
process.stdin.on("data", release);
process.stdin.on("end", release);
