/** Undo in any order, and redo: an undone batch no longer blocks (imports undo / redo). */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/app/errors.js";
import { redoImport, undoImport } from "../../src/app/imports.js";
import { openStore, type Store } from "../../src/app/store.js";
import { createBatch, getBatch } from "../../src/storage/batches.js";
import { ValueWriter } from "../../src/storage/values.js";
import { tempDir } from "../helpers.js";

const NOW = new Date("2020-10-15T08:00:00Z");
const KEY = { year: 2020, indicator: "key_tech_projects", period: "2020Q1", unit: "tongchuan" };
let dir: string;
let cleanup: () => void;
let store: Store;
let a: number;
let b: number;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  store = await openStore(join(dir, "t.db"), NOW);
  const w = new ValueWriter(store.db);
  const batch = (file: string) =>
    createBatch(store.db, { kind: "import", file, importedAt: NOW.toISOString() });
  store.db.transaction(() => {
    a = batch("a.csv");
    w.add(KEY, { value: 1, basis: "ytd", note: null }, a); // A adds 1
    b = batch("b.csv");
    w.replace(KEY, { value: 2, basis: "ytd", note: null }, b); // B replaces it with 2
  })();
});
afterEach(() => {
  store.db.close();
  cleanup();
});

const current = () => new ValueWriter(store.db).current(KEY)?.value ?? null;
const how = { force: false, now: NOW };

describe("undo in reverse order", () => {
  it("A, B, undo B: undo A is no longer blocked by B, and removes the value A added", () => {
    expect(() => undoImport(store.db, a, how)).toThrow(UserError); // B stands: refused
    undoImport(store.db, b, how);
    expect(current()).toBe(1); // B's undo put back A's 1
    undoImport(store.db, a, how);
    expect(current()).toBeNull(); // A had added it
  });

  it("redo brings an undone batch back, and it stands again; undoing an undo is a redo", () => {
    undoImport(store.db, b, how);
    const undoOfB = getBatch(store.db, b)!.undoneBy!;
    undoImport(store.db, a, how);
    redoImport(store.db, a, how);
    expect(current()).toBe(1);
    expect(getBatch(store.db, a)!.undoneBy).toBeNull();
    // undoing B's undo redoes B: 2 again, and B blocks an undo of A once more
    undoImport(store.db, undoOfB, how);
    expect(current()).toBe(2);
    expect(getBatch(store.db, b)!.undoneBy).toBeNull();
    expect(() => undoImport(store.db, a, how)).toThrow(UserError);
  });

  it("redo of a batch that was not undone is refused", () => {
    const e = (() => {
      try {
        redoImport(store.db, a, how);
      } catch (x) {
        return x as UserError;
      }
    })();
    expect(e?.reason.key).toBe("imports.redo.notUndone");
  });
});
