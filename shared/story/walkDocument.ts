import type { TiptapNode } from './storySchema';

/**
 * Visits every node in reading order: `enter` before a node's children (false leaves them out), `leave` after
 * them. A loop over an explicit stack instead of recursion, so that no document, however deep, overflows the
 * stack of the code reading it: the schema limits what is saved, but a reader must not be what fails on a file
 * that got past it, or on a body an import is still building. Readers build their output in one array, joined
 * once, since joining at every level costs as much as the text times the depth.
 */
export function eachNode(root: TiptapNode, enter: (node: TiptapNode) => boolean | void, leave?: (node: TiptapNode) => void): void {
  const pending: { node: TiptapNode; leaving: boolean }[] = [{ node: root, leaving: false }];
  while (pending.length) {
    const { node, leaving } = pending.pop()!;
    if (leaving) {
      leave!(node);
      continue;
    }
    const descend = enter(node) !== false;
    if (leave) pending.push({ node, leaving: true });
    if (!descend || !node.content) continue;
    for (let i = node.content.length - 1; i >= 0; i--) pending.push({ node: node.content[i]!, leaving: false });
  }
}
