import { isElement, type DomNode } from './domLike';

/**
 * How deep an imported or pasted HTML document may nest before the story's rules (which walk it recursively)
 * see it. Word and Google Docs nest tables and lists a few dozen levels at most; a file nested thousands deep is
 * built to overflow the stack.
 */
export const maxHtmlDepth = 200;

/** Whether the tree under `root` nests elements deeper than `limit`, found without recursion. */
export function nestsDeeperThan(root: DomNode, limit = maxHtmlDepth): boolean {
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (isElement(children[i]!)) stack.push([children[i]!, depth + 1]);
  }
  return false;
}
