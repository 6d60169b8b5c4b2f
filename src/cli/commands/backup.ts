import type { Context } from "../context.js";

// Not implemented yet: filled in by a later change.
export async function run(_ctx: Context, _args: string[], _opts: Record<string, unknown>): Promise<void> {
  throw new Error("dzkj backup: not implemented yet");
}
