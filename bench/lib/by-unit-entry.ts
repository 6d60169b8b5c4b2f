// `report --by unit` as a use case, for builds where the command does not route --by yet:
// opens the database read-only, builds the units × indicators breakdown and prints it as JSON.
import { buildBreakdownFor } from "../../src/app/report.js";
import { openDatabase } from "../../src/storage/database.js";

const [path, year] = process.argv.slice(2);
const { db } = openDatabase(path!, { readonly: true });
try {
  const { breakdown } = buildBreakdownFor(db, { year });
  process.stdout.write(`${JSON.stringify(breakdown)}\n`);
} finally {
  db.close();
}
