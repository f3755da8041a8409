/**
 * A translation catalog mirrors the English one key for key: the Chinese catalog is typed `Catalog<typeof en>`,
 * so a key missing in either language is a compile error rather than English leaking into a Chinese screen.
 */
export type Catalog<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]>;
};
