/**
 * WeChat's `setData` semantics, enough for what Taro sends: keys are data paths such as
 * `root.cn.[0].cn.[2].v` or `root.cn[0]`, values replace whatever sits at that path, and missing
 * intermediate objects/arrays are created. Also: what a rendered Taro tree contains.
 */

type Bag = Record<string, unknown>;

/** `root.cn.[0].v` / `root.cn[0].v` → ['root', 'cn', 0, 'v']. */
export function parseDataPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\[(\d+)\]|([^.[\]]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else out.push(m[2]);
  }
  return out;
}

/** JSON round trip: what crosses WeChat's logic→view bridge (functions and undefined drop out). */
function bridge(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function applySetData(target: Bag, payload: Bag): void {
  for (const key of Object.keys(payload)) {
    const parts = parseDataPath(key);
    if (parts.length === 0) continue;
    let cur: Bag | unknown[] = target;
    for (let i = 0; i < parts.length - 1; i++) {
      const k = parts[i];
      const nextIsIndex = typeof parts[i + 1] === 'number';
      const container = cur as Record<string | number, unknown>;
      let next = container[k];
      if (next === null || typeof next !== 'object') {
        next = nextIsIndex ? [] : {};
        container[k] = next;
      }
      cur = next as Bag | unknown[];
    }
    (cur as Record<string | number, unknown>)[parts[parts.length - 1]] = bridge(payload[key]);
  }
}

export interface TreeStats {
  /** Element and text nodes under `root` (comment placeholders excluded). */
  nodes: number;
  /** Text nodes with visible (non-blank) text. */
  textNodes: number;
  /** The first visible texts, joined, for the report. */
  sample: string;
}

/**
 * Taro's serialised nodes: `cn` = child nodes, `v` = text value of a text node, `nn` = node name
 * (an alias number in the compressed templates). Comments are `nn: '#comment'` or alias-less.
 */
export function treeStats(root: unknown, sampleChars = 40): TreeStats {
  const texts: string[] = [];
  let nodes = 0;
  let textNodes = 0;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { cn?: unknown; v?: unknown; nn?: unknown };
    if (n.nn === '#comment') return;
    if (n !== root) nodes++;
    if (typeof n.v === 'string' && n.v.trim() !== '') {
      textNodes++;
      texts.push(n.v.trim());
    }
    if (Array.isArray(n.cn)) n.cn.forEach(walk);
  };
  walk(root);
  let sample = texts.join(' | ').replace(/\s+/g, ' ');
  if ([...sample].length > sampleChars) sample = [...sample].slice(0, sampleChars - 1).join('') + '…';
  return { nodes, textNodes, sample };
}
