/**
 * Last year's Q1–Q3 (同比) are held in slots the importer adds on the first such figure of a file
 * (Catalog.slotLayout, `widen`): the figures read before that must survive it. A file of 2020Q3
 * figures, then 2019Q2's, then 2020Q3's again.
 */
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { importText } from "./import-text.js";

const dir = tempDir("dzkj-prior-");

describe("a file that names last year's quarters after this year's", () => {
  it("stores both years' figures", async () => {
    const r = await importText(
      dir.dir,
      "报告期,填报单位,指标,数值\n2020Q3,渠县,关键技术攻关项目,5\n2019Q2,渠县,关键技术攻关项目,2\n2020Q3,通川区,关键技术攻关项目,7\n",
    );
    expect(r.messages).toEqual([]);
    expect(r.rows.map((x) => [x.period, x.unit, x.value])).toEqual([
      ["2019Q2", "quxian", 2],
      ["2020Q3", "quxian", 5],
      ["2020Q3", "tongchuan", 7],
    ]);
  });

  it("still knows a 2020Q3 figure read before them: a second, different one is a duplicate", async () => {
    const r = await importText(
      dir.dir,
      "报告期,填报单位,指标,数值\n2020Q3,渠县,关键技术攻关项目,5\n2019Q2,渠县,关键技术攻关项目,2\n2020Q3,渠县,关键技术攻关项目,6\n",
    );
    expect(r.rows).toEqual([]);
    // line 4 repeats line 2's key with 6 against 5
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatch(/^4: /);
    expect(r.messages[0]).toContain("第 2 行");
  });
});
