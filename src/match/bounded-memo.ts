import { detached } from './detach.js';

/** A map that forgets everything when full: a manifest's repeats are near each other. */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(detached(key), value);
    }
    return value;
  }
}
