/**
 * Permission expressions, ABP style: permission names combined with `&&`, `||`, `!` and parentheses,
 * e.g. `Psa.TimeEntries.Approve || (Psa.TimeEntries.ViewAll && Psa.Reports)`. `&&` binds tighter than `||`.
 * An empty expression is always granted; a malformed one never is (and says why in the console once).
 */
type Node =
  | { kind: 'name'; name: string }
  | { kind: 'not'; operand: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node };

const TOKEN = /\s*(&&|\|\||!|\(|\)|[A-Za-z_][\w.-]*)/y;
const cache = new Map<string, Node | Error>();

export function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < expression.length) {
    if (/^\s*$/.test(expression.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(expression);
    if (!match) throw new Error(`Unexpected "${expression.slice(position).trim()}" in permission expression "${expression}".`);
    tokens.push(match[1]);
    position = TOKEN.lastIndex;
  }
  return tokens;
}

export function parsePermission(expression: string): Node {
  const tokens = tokenize(expression);
  let index = 0;
  const peek = () => tokens[index];
  const fail = (what: string): never => {
    throw new Error(`${what} in permission expression "${expression}".`);
  };

  const primary = (): Node => {
    const token = tokens[index++];
    if (token === undefined) return fail('Unexpected end');
    if (token === '!') return { kind: 'not', operand: primary() };
    if (token === '(') {
      const inner = or();
      if (tokens[index++] !== ')') fail('Missing ")"');
      return inner;
    }
    if (token === '&&' || token === '||' || token === ')') return fail(`Unexpected "${token}"`);
    return { kind: 'name', name: token };
  };
  const and = (): Node => {
    let left = primary();
    while (peek() === '&&') {
      index++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (peek() === '||') {
      index++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  const tree = or();
  if (index < tokens.length) fail(`Unexpected "${tokens[index]}"`);
  return tree;
}

function evaluate(node: Node, granted: ReadonlySet<string>): boolean {
  switch (node.kind) {
    case 'name':
      return granted.has(node.name);
    case 'not':
      return !evaluate(node.operand, granted);
    case 'and':
      return evaluate(node.left, granted) && evaluate(node.right, granted);
    case 'or':
      return evaluate(node.left, granted) || evaluate(node.right, granted);
  }
}

export function evaluatePermission(expression: string | null | undefined, granted: ReadonlySet<string>): boolean {
  const text = expression?.trim();
  if (!text) return true;
  let tree = cache.get(text);
  if (tree === undefined) {
    try {
      tree = parsePermission(text);
    } catch (error) {
      tree = error as Error;
      console.error((error as Error).message);
    }
    cache.set(text, tree);
  }
  return tree instanceof Error ? false : evaluate(tree, granted);
}
