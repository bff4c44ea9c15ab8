// A binary min-heap over numbers with a caller's ordering (node indices keyed
// by time or priority): the event queue and ready list of the schedulers.

export interface Heap {
  push(item: number): void;
  pop(): number | undefined;
  peek(): number | undefined;
  size(): number;
}

export function createHeap(less: (a: number, b: number) => boolean): Heap {
  const items: number[] = [];
  const swap = (i: number, j: number): void => {
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  };
  return {
    push(item) {
      items.push(item);
      let i = items.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!less(items[i], items[p])) break;
        swap(i, p);
        i = p;
      }
    },
    pop() {
      if (items.length === 0) return undefined;
      const top = items[0];
      const last = items.pop() as number;
      if (items.length > 0) {
        items[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < items.length && less(items[l], items[m])) m = l;
          if (r < items.length && less(items[r], items[m])) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return top;
    },
    peek: () => items[0],
    size: () => items.length,
  };
}
