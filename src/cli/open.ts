import { existsSync } from "node:fs";
import { UserError } from "../app/errors.js";
import { openStore, type Store } from "../app/store.js";
import type { Context } from "./context.js";

/**
 * Opens the store for a command and tells (on stderr) when it was just created or backed up. Only
 * the default database (DZKJ_DB or the XDG path) and `init` create one: a --db path that does not
 * exist is a typo far more often than a wish for an empty database, which a cron `report --check`
 * would then judge with exit 0.
 */
export async function open(ctx: Context): Promise<Store> {
  const path = ctx.dbPath();
  if (ctx.dbOption !== undefined && ctx.command !== "init" && !existsSync(path))
    throw new UserError({ key: "db.error.missing", params: { path } });
  const store = await openStore(path, ctx.now, ctx.lockWait(path));
  if (store.created) ctx.notice("notice.created", { path, year: 2020 });
  if (store.backup) ctx.notice("notice.backup", { path: store.backup });
  return store;
}
