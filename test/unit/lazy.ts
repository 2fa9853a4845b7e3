/**
 * Fixtures built inside the test that uses them, once per test. Fixtures built at import time run outside
 * any test, and fixtures shared between tests run inside the first one only: mutation testing (StrykerJS
 * attributes coverage per test) would then count their code as static, or run its mutants against one
 * test. Rebuilt for each test (the fixtures are small), every test that uses a fixture covers its code.
 */
import { expect } from 'vitest';

function proxy<T extends object>(target: T, build: () => T): T {
  let value: T | undefined;
  let builtFor: string | undefined;
  const real = () => {
    const test = expect.getState().currentTestName ?? '';
    if (value === undefined || builtFor !== test) {
      value = build();
      builtFor = test;
    }
    return value;
  };
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

/** An object built for each test that uses it. */
export const lazy = <T extends object>(build: () => T): T => proxy({} as T, build);

/** An array built for each test that uses it (Array.isArray holds for it). */
export const lazyArray = <T>(build: () => T[]): T[] => proxy([] as T[], build);
