// Converts errors thrown by the service fakes into errors of the script's vm context. The fakes
// run in Node's realm, so without this an error they throw would fail `error instanceof Error`
// inside the script, which Apps Script code commonly checks.

/**
 * Wraps a service object so that every method rethrows a Node error as a `ContextError` with
 * the same message, and wraps the service objects it returns (Properties, Lock, HTTPResponse…)
 * the same way. `getErrorClass` is read at throw time.
 */
export function bridgeErrors<T extends object>(service: T, getErrorClass: () => ErrorConstructor): T {
  return new Proxy(service, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        try {
          return wrapResult(value.apply(target, args), getErrorClass);
        } catch (error) {
          throw toContextError(error, getErrorClass());
        }
      };
    },
  });
}

function wrapResult(result: unknown, getErrorClass: () => ErrorConstructor): unknown {
  if (isServiceObject(result)) return bridgeErrors(result, getErrorClass);
  if (Array.isArray(result) && result.length > 0 && isServiceObject(result[0])) {
    return result.map((item) => (isServiceObject(item) ? bridgeErrors(item, getErrorClass) : item));
  }
  return result;
}

/** True for the plain objects with methods that the fakes return. */
function isServiceObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  return Object.values(value).some((item) => typeof item === 'function');
}

function toContextError(error: unknown, ContextError: ErrorConstructor): unknown {
  // Errors the script itself threw are already of its realm.
  if (!(error instanceof Error) || Object.prototype.isPrototypeOf.call(ContextError.prototype, error))
    return error;
  const converted = new ContextError(error.message);
  if (error.stack !== undefined) converted.stack = error.stack;
  return converted;
}
