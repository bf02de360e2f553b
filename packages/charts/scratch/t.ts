interface O { a?: string; b?: number }
type D1<T> = { [K in keyof T]-?: T[K] | undefined };
export const x1 = { a: undefined, b: 2 } satisfies D1<O>;
type D2<T> = { [K in keyof Required<T>]: T[K] | undefined };
export const x2 = { a: undefined, b: 2 } satisfies D2<O>;
export const x3 = { b: 2 } satisfies D2<O>;
