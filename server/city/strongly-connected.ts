import type { Graph } from "ngraph.graph";

/**
 * The node ids of the largest strongly connected component of a directed graph (Tarjan's algorithm,
 * iterative so a long chain of streets cannot overflow the stack).
 */
export function largestStronglyConnected(graph: Graph): Set<string> {
  const successors = new Map<string, string[]>();
  graph.forEachNode((node) => {
    successors.set(String(node.id), []);
  });
  graph.forEachLink((link) => {
    successors.get(String(link.fromId))!.push(String(link.toId));
  });

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let next = 0;
  let largest: string[] = [];

  for (const root of successors.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; edge: number }[] = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const out = successors.get(frame.node)!;
      if (frame.edge < out.length) {
        const target = out[frame.edge++];
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > largest.length) largest = component;
      }
    }
  }
  return new Set(largest);
}
