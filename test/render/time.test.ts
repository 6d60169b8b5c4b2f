/** Times shown in the local zone with its offset (README "Times"), whatever the zone. */
import { afterEach, describe, expect, it } from "vitest";
import { stamp } from "../../src/app/ops.js";
import { importTime } from "../../src/render/completeness.js";
import { localDay, localStamp, localTime, zoneOffset } from "../../src/render/time.js";

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe("local time", () => {
  it("Asia/Shanghai: 10:25:38 UTC is 18:25 the same day, +08:00", () => {
    process.env.TZ = "Asia/Shanghai";
    const iso = "2020-10-09T10:25:38.000Z";
    // UTC+8, no daylight saving: 10:25 + 8 h = 18:25
    expect(localTime(iso)).toBe("2020-10-09 18:25 +08:00");
    expect(localTime(iso, true)).toBe("2020-10-09 18:25:38 +08:00");
    expect(importTime(iso)).toBe("2020-10-09 18:25 +08:00");
    expect(localStamp(new Date(iso))).toBe("20201009-182538");
    // backup file names (dzkj-20201009-182538.db) use it
    expect(stamp(new Date(iso))).toBe("20201009-182538");
  });

  it("a time after 16:00 UTC falls on the next local day in Shanghai", () => {
    process.env.TZ = "Asia/Shanghai";
    // 2020-12-31 17:30 UTC + 8 h = 2021-01-01 01:30
    expect(localTime("2020-12-31T17:30:00Z")).toBe("2021-01-01 01:30 +08:00");
    expect(localDay(new Date("2020-12-31T17:30:00Z"))).toBe("2021-01-01");
  });

  it("a zone west of Greenwich, with daylight saving: New York in October is UTC-4", () => {
    process.env.TZ = "America/New_York";
    // EDT until the first Sunday of November: 10:25 - 4 h = 06:25
    expect(localTime("2020-10-09T10:25:38Z")).toBe("2020-10-09 06:25 -04:00");
    expect(zoneOffset(new Date("2020-12-09T10:25:38Z"))).toBe("-05:00");
  });

  it("no time is a dash; text that is not a time is shown as it is", () => {
    expect(localTime(null)).toBe("—");
    expect(localTime("not a time")).toBe("not a time");
  });
});
