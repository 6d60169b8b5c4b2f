import type { Catalog } from "../app/catalog.js";
import type { Lang } from "../i18n/index.js";

/**
 * Unit and indicator names in the UI language for change lists: a person checks them against the
 * county's sheet, which has names, not codes. A code the catalogue does not know is shown as is.
 */
export function namer(catalog: Catalog, lang: Lang) {
  const en = lang === "en";
  return {
    unit: (year: number, code: string): string => {
      const u = catalog.unit(year, code);
      return (en ? u?.nameEn : u?.name) ?? code;
    },
    indicator: (year: number, code: string): string => {
      const d = catalog.indicator(year, code);
      return (en ? d?.nameEn : d?.name) ?? code;
    },
  };
}
