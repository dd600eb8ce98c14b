/**
 * The priority vector start_resource_list consumes (main/loader.c: load_resource_list builds it
 * with AST_VECTOR_ADD_SORTED, start_resource_list takes from the front and removes modules a
 * dependent started early).
 */
import type { LoadedModule } from '../loader/module';

/**
 * The priority vector while it is consumed from the front; removals by value are O(1). Each
 * module holds its own index and removal mark (a module is queued at most once: the load-order
 * list has one entry per key).
 */
export class PriorityVector {
  private readonly items: LoadedModule[];
  private removed = 0;
  private head = 0;

  constructor(items: LoadedModule[]) {
    this.items = items;
    for (let i = 0; i < items.length; i++) {
      const mod = items[i];
      if (!mod) continue;
      mod.queueIndex = i;
      mod.dequeued = false;
    }
  }

  get size(): number {
    return this.items.length - this.head - this.removed;
  }

  shift(): LoadedModule | undefined {
    while (this.head < this.items.length) {
      const mod = this.items[this.head++];
      if (!mod) continue;
      if (!mod.dequeued) return mod;
      mod.dequeued = false;
      this.removed--;
    }
    return undefined;
  }

  /** AST_VECTOR_REMOVE_CMP_ORDERED: a module started early leaves the queue. */
  remove(mod: LoadedModule): void {
    if (mod.queueIndex < this.head || this.items[mod.queueIndex] !== mod || mod.dequeued) return;
    mod.dequeued = true;
    this.removed++;
  }

  /** Calls `visit` on each module still queued, in order, until it returns false. */
  forEachRemaining(visit: (mod: LoadedModule) => boolean): void {
    for (let i = this.head; i < this.items.length; i++) {
      const mod = this.items[i];
      if (mod && !mod.dequeued && !visit(mod)) return;
    }
  }
}
