/** A table of distinct values, each stored once and referred to by its index (the HTML page's shared text). */
export class Interned<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();

  /** The index of `value`; values are the same when their JSON is (`key` may say otherwise). */
  of(value: T, key: string = typeof value === 'string' ? value : JSON.stringify(value)): number {
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.values.push(value) - 1;
      this.index.set(key, n);
    }
    return n;
  }
}
