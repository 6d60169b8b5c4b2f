import type { Db } from "../storage/database.js";
import { Catalog } from "./catalog.js";
import { allPlans } from "./store.js";

/** The importer's lookups over every plan in the database. */
export function createCatalogFor(db: Db): Catalog {
  return new Catalog(allPlans(db));
}
