// Runtime checks of wire values, declared beside the TypeScript types they mirror. `Shape<T>` makes the
// compiler demand one check per property of T, optional exactly where T's property is optional, so the
// types and the checks cannot drift apart; the golden tests then hold the checks against what the C#
// server really writes.

export interface CheckOptions {
  /** Golden samples fill every field: an optional field that is absent there was renamed or dropped. */
  readonly requireOptional?: boolean;
}

type CheckFn = (value: unknown, path: string, problems: string[], options: CheckOptions) => void;

export interface Required_ {
  readonly optional: false;
  readonly check: CheckFn;
}

export interface Optional_ {
  readonly optional: true;
  readonly check: CheckFn;
}

export type Check = Required_ | Optional_;

export type Shape<T> = {
  readonly [K in keyof T]-?: undefined extends T[K] ? Optional_ : Required_;
};

function required(check: CheckFn): Required_ {
  return { optional: false, check };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 40))}` : `a ${typeof value}`;
}

function expect(ok: boolean, what: string, value: unknown, path: string, problems: string[]): void {
  if (!ok) problems.push(`${path}: expected ${what}, found ${describe(value)}`);
}

export const string = required((value, path, problems) => expect(typeof value === 'string', 'a string', value, path, problems));

export const boolean = required((value, path, problems) => expect(typeof value === 'boolean', 'a boolean', value, path, problems));

export const integer = required((value, path, problems) =>
  expect(typeof value === 'number' && Number.isInteger(value), 'an integer', value, path, problems));

/** A double as the server writes it: a JSON number, or "NaN", "Infinity", "-Infinity". */
export const metricNumber = required((value, path, problems) =>
  expect(typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity',
    'a number or "NaN"/"Infinity"/"-Infinity"', value, path, problems));

export function literal<const V extends string>(...values: V[]): Required_ {
  return required((value, path, problems) =>
    expect(typeof value === 'string' && (values as string[]).includes(value), `one of ${values.join(', ')}`, value, path, problems));
}

export function optional(inner: Required_): Optional_ {
  return {
    optional: true,
    check: (value, path, problems, options) => {
      if (value === undefined) {
        if (options.requireOptional) problems.push(`${path}: missing (every field is expected in a full sample)`);
        return;
      }
      inner.check(value, path, problems, options);
    },
  };
}

/** `T | null`: how the server answers a request for something that is not there. */
export function nullable(inner: Required_): Required_ {
  return required((value, path, problems, options) => {
    if (value !== null) inner.check(value, path, problems, options);
  });
}

export function arrayOf(item: Required_): Required_ {
  return required((value, path, problems, options) => {
    if (!Array.isArray(value)) {
      expect(false, 'an array', value, path, problems);
      return;
    }
    value.forEach((element, i) => item.check(element, `${path}[${i}]`, problems, options));
  });
}

export function recordOf(item: Required_): Required_ {
  return required((value, path, problems, options) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      expect(false, 'an object', value, path, problems);
      return;
    }
    for (const [key, element] of Object.entries(value)) item.check(element, `${path}.${key}`, problems, options);
  });
}

/** An object with exactly these properties: an unknown one means the server grew a field we do not mirror. */
export function object<T>(shape: Shape<T>): Required_ {
  const fields = shape as Record<string, Check>;
  return required((value, path, problems, options) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      expect(false, 'an object', value, path, problems);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(fields)) {
      const present = record[key];
      if (present === undefined && !field.optional) {
        problems.push(`${path}.${key}: missing`);
        continue;
      }
      field.check(present, `${path}.${key}`, problems, options);
    }
    for (const key of Object.keys(record)) {
      if (!(key in fields)) problems.push(`${path}.${key}: not in the TypeScript protocol`);
    }
  });
}

/** Every way `value` differs from `check`; empty when it conforms. */
export function problemsOf(check: Check, value: unknown, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  check.check(value, '$', problems, options);
  return problems;
}
