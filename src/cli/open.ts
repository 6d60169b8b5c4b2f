import { openStore, type Store } from "../app/store.js";
import { resolveDbPath } from "../storage/database.js";
import type { Context } from "./context.js";

/** Opens the store for a command and tells (on stderr) when it was just created or backed up. */
export async function open(ctx: Context): Promise<Store> {
  const path = resolveDbPath(ctx.dbOption, ctx.env);
  const store = await openStore(path, ctx.now);
  if (store.created) ctx.notice("notice.created", { path, year: 2020 });
  if (store.backup) ctx.notice("notice.backup", { path: store.backup });
  return store;
}
