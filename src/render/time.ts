/**
 * Times as people read them: in the local zone of the machine (TZ), with its offset, so that a
 * record made at 18:27 in Dazhou reads 18:27 and never the UTC 10:27 it is stored as. The database
 * and JSON keep ISO 8601 instants (`2020-10-09T10:27:38.000Z`: UTC, offset Z).
 * Written with Date's local getters rather than date-fns: nothing to load at start-up.
 */

const two = (n: number) => String(n).padStart(2, "0");

/** The local zone's offset at `d`: "+08:00", "-05:00", "+00:00". */
export function zoneOffset(d: Date): string {
  const minutes = -d.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** `2020-10-09` in the local zone. */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * An ISO 8601 instant shown in the local zone with its offset: "2020-10-09 18:27 +08:00"
 * (`seconds`: "2020-10-09 18:27:38 +08:00"). Null, or text that is not a time, gives "—" / the text.
 */
export function localTime(iso: string | null, seconds = false): string {
  if (iso === null) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ""}`;
  return `${localDay(d)} ${time} ${zoneOffset(d)}`;
}

/** "20201009-182738": a local time for file names (sorts by time, no characters a shell quotes). */
export function localStamp(d: Date): string {
  return `${localDay(d).replace(/-/g, "")}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
}
