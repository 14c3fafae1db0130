/** Texts of the contracts area (zh-CN first; en-US must have the same keys — a unit test checks). */
export const zh = {
  title: "TODO",
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export const en: Shape<typeof zh> = {
  title: "TODO",
};
