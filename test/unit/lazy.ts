/**
 * Values built on first use. Fixtures built at import time run outside any test, so mutation testing
 * (StrykerJS attributes coverage per test) would count the code that builds them as "static" and rerun
 * every test for each of its mutants; built lazily, that code runs inside the first test that needs it.
 */
function proxy<T extends object>(target: T, build: () => T): T {
  let value: T | undefined;
  const real = () => (value ??= build());
  return new Proxy(target, {
    get: (_, k) => {
      const v = Reflect.get(real(), k) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(real()) : v;
    },
    has: (_, k) => Reflect.has(real(), k),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (t, k) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), k);
      // Only the target's own non-configurable keys (an array's `length`) may be reported as such.
      if (d && !Reflect.getOwnPropertyDescriptor(t, k)) d.configurable = true;
      return d;
    },
    getPrototypeOf: () => Object.getPrototypeOf(real()) as object | null,
  });
}

/** A lazily built object. */
export const lazy = <T extends object>(build: () => T): T => proxy({} as T, build);

/** A lazily built array (Array.isArray holds for it). */
export const lazyArray = <T>(build: () => T[]): T[] => proxy([] as T[], build);
