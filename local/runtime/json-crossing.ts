// Copies arguments and return values the way google.script.run passes them between the sidebar
// and the server. Google's documentation (Client-to-server communication,
// https://developers.google.com/apps-script/guides/html/communication) allows primitives, null,
// and objects and arrays built from them; Dates, functions and DOM elements fail the request.

/** Thrown when a value cannot cross between client and server. */
export class CrossingError extends Error {}

/**
 * Returns a deep copy of `value` made of plain objects and arrays of this realm. Throws a
 * CrossingError naming the path of the first Date, function, circular reference or other
 * non-plain object. `undefined` in an array becomes `null`; an `undefined` property is dropped.
 */
export function copyAcrossBoundary(value: unknown, rootPath: string): unknown {
  return copyValue(value, rootPath, new Set<object>());
}

function copyValue(value: unknown, path: string, ancestors: Set<object>): unknown {
  if (value === null || value === undefined) return null;

  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type === 'function') {
    throw new CrossingError(
      `${path} is a function; only strings, numbers, booleans, null, plain objects and arrays can cross.`,
    );
  }
  if (type === 'bigint' || type === 'symbol') {
    throw new CrossingError(
      `${path} is a ${type}; only strings, numbers, booleans, null, plain objects and arrays can cross.`,
    );
  }

  const object = value as object;
  const tag = Object.prototype.toString.call(object);
  if (tag === '[object Date]') {
    throw new CrossingError(`${path} is a Date; send it as an ISO string or epoch milliseconds instead.`);
  }
  if (ancestors.has(object)) {
    throw new CrossingError(`${path} is a circular reference; send a tree of plain objects instead.`);
  }

  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return object.map((item, index) => copyValue(item, `${path}[${index}]`, ancestors));
    }
    if (!isPlainObject(object)) {
      throw new CrossingError(`${path} is a ${tag.slice(8, -1)}; only plain objects and arrays can cross.`);
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(object)) {
      if (item === undefined) continue;
      copy[key] = copyValue(item, `${path}.${key}`, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(object);
  }
}

/** True for `{}` literals and `Object.create(null)`, from this realm or the script's vm context. */
function isPlainObject(object: object): boolean {
  const prototype = Object.getPrototypeOf(object);
  if (prototype === null) return true;
  return Object.getPrototypeOf(prototype) === null && prototype.constructor?.name === 'Object';
}
