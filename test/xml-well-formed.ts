/**
 * A small XML well-formedness check for tests (no XML parser is installed): one root element, tags
 * balanced and properly nested, attribute values quoted, and no raw `<` or stray `&` in text or
 * attributes. Returns the problem, or null when well-formed. Not a validator (no DTD, no schema).
 */
export function xmlProblem(xml: string): string | null {
  const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const badText = (text: string) => text.includes("<") || text.replace(ENTITY, "").includes("&");
  let rest = xml.replace(/^\uFEFF?<\?xml[^?]*\?>/, "");
  const stack: string[] = [];
  let roots = 0;
  while (rest.length > 0) {
    const lt = rest.indexOf("<");
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (badText(text)) return `bad character data: ${JSON.stringify(text.slice(0, 60))}`;
    if (stack.length === 0 && text.trim() !== "") return `text outside the root: ${JSON.stringify(text.slice(0, 60))}`;
    if (lt === -1) break;
    rest = rest.slice(lt);
    if (rest.startsWith("<!--")) {
      const end = rest.indexOf("-->");
      if (end === -1) return "unterminated comment";
      rest = rest.slice(end + 3);
      continue;
    }
    const tag = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(rest);
    if (!tag) return `malformed tag at ${JSON.stringify(rest.slice(0, 40))}`;
    const [whole, closing, name, attributes, selfClosing] = tag;
    for (const value of attributes.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g))
      if (badText(value[1] ?? value[2] ?? "")) return `bad attribute value in <${name}>`;
    if (closing) {
      if (stack.pop() !== name) return `</${name}> closes the wrong element`;
    } else {
      if (stack.length === 0 && ++roots > 1) return "more than one root element";
      if (!selfClosing) stack.push(name);
    }
    rest = rest.slice(whole.length);
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? null : "no root element";
}
