import type { ApiResult } from './DatelineError';
import { methodNames, type MethodInput, type MethodName, type MethodOutput } from './contract';

// `stories.list` becomes `api.stories.list(input)`: the nested shape is derived from the method names, both in
// the types and at run time, so no method is ever spelt out twice.

type Namespace = MethodName extends `${infer N}.${string}` ? N : never;

/** What the renderer calls: each method resolves to its output or rejects with a DatelineError. */
export type DatelineApi = {
  [N in Namespace]: {
    [M in MethodName as M extends `${N}.${infer Fn}` ? Fn : never]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
  };
};

/** What a transport exposes as `window.dateline`: errors come back as data, since they cannot cross as classes. */
export type DatelineBridge = {
  [N in Namespace]: {
    [M in MethodName as M extends `${N}.${infer Fn}` ? Fn : never]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
  };
};

/** Builds `{ stories: { list: fn, … }, … }` with one function per contract method. */
export function groupByNamespace<T>(makeMethod: (method: MethodName) => T): Record<string, Record<string, T>> {
  const api: Record<string, Record<string, T>> = {};
  for (const method of methodNames) {
    const [namespace, name] = method.split('.') as [string, string];
    (api[namespace] ??= {})[name] = makeMethod(method);
  }
  return api;
}
