/** Indented trees as `npm ls` and `systemd-analyze critical-chain` print them. */

export interface TreeNode {
  label: string;
  children?: TreeNode[];
}

/** The root's label, then its descendants drawn with ├─ └─ │. */
export function renderTree(root: TreeNode): string[] {
  return [root.label, ...renderForest(root.children ?? [])];
}

/** Several trees hanging from an unprinted root. */
export function renderForest(nodes: readonly TreeNode[], indent = ''): string[] {
  const lines: string[] = [];
  // An explicit stack: a 5,000-module chain is 5,000 levels deep.
  const stack: Array<{ node: TreeNode; indent: string; last: boolean }> = [];
  const push = (list: readonly TreeNode[], at: string): void => {
    for (let i = list.length - 1; i >= 0; i--) {
      const node = list[i];
      if (node) stack.push({ node, indent: at, last: i === list.length - 1 });
    }
  };
  push(nodes, indent);
  while (stack.length > 0) {
    const { node, indent: at, last } = stack.pop() ?? { node: { label: '' }, indent: '', last: true };
    lines.push(`${at}${last ? '└─ ' : '├─ '}${node.label}`);
    push(node.children ?? [], `${at}${last ? '   ' : '│  '}`);
  }
  return lines;
}
