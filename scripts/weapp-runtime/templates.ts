/**
 * The view side, checked statically: Taro's `base.wxml` renders each node of `data.root` with the
 * template `xs.a(depth, node.nn, ancestry)` (from `utils.wxs`). A node whose template is missing
 * renders nothing in WeChat, silently. This walks a rendered tree with the build's own `utils.wxs`
 * and lists the template names that base.wxml does not define. WXML itself is not interpreted.
 */
import vm from 'node:vm';

interface Wxs {
  a(level: number, nn: string, ancestry: string): string;
  f(ancestry: string, nn: string): string;
}

export interface TemplateSet {
  names: Set<string>;
  wxs: Wxs;
}

export function loadTemplates(baseWxml: string, utilsWxs: string): TemplateSet {
  const names = new Set<string>();
  for (const m of baseWxml.matchAll(/<template\s+name="([^"]+)"/g)) names.add(m[1]);
  const module = { exports: {} as unknown };
  // WXS is an ES5 subset with CommonJS exports: plain JavaScript can run it.
  vm.runInNewContext(utilsWxs, { module }, { filename: 'utils.wxs' });
  const wxs = module.exports as Wxs;
  if (typeof wxs.a !== 'function' || typeof wxs.f !== 'function')
    throw new Error('utils.wxs does not export a() and f() any more: Taro changed its template format');
  return { names, wxs };
}

/** Template names the tree needs but base.wxml lacks (each reported once). */
export function missingTemplates(root: unknown, t: TemplateSet): string[] {
  const missing = new Set<string>();
  const walk = (nodes: unknown, level: number, ancestry: string): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const n = node as { nn?: unknown; cn?: unknown };
      if (n.nn === undefined || n.nn === '#comment') continue;
      const nn = String(n.nn);
      const name = t.wxs.a(level, nn, ancestry);
      if (!t.names.has(name)) {
        missing.add(`${name} (nn=${nn})`);
        continue;
      }
      // Past the template depth Taro hands the subtree to the recursive `comp` component.
      if (name.endsWith('_container')) continue;
      walk(n.cn, level + 1, t.wxs.f(ancestry, nn));
    }
  };
  walk((root as { cn?: unknown } | undefined)?.cn, 0, '');
  return [...missing];
}
