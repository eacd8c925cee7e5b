// Small DOM and formatting helpers shared by the views.
export const SVG = "http://www.w3.org/2000/svg";

// el("td", {class: "num", text: 3}, child...) : an element with attributes and children.
export function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

export const actorLabel = (a) => (a ? a.code || a.name : "");
export const actorTitle = (a) => (a ? [a.name, a.code].filter(Boolean).join(" · ") : "");

// One colour per PLOVER type: blues and greens for cooperation, reds and browns for conflict.
const COLOURS = {
  AGREE: "#1b7a5a", CONSULT: "#2f9e7a", SUPPORT: "#56b894", CONCEDE: "#8fd3b8", COOPERATE: "#1f6fa8",
  AID: "#3f8fd0", RETREAT: "#7fb5e0", REQUEST: "#a9c9e8", ACCUSE: "#f0a35e", REJECT: "#e68a3c",
  THREATEN: "#d96b27", PROTEST: "#c9a227", SANCTION: "#a8551f", MOBILIZE: "#8c3b1d", COERCE: "#c0392b",
  ASSAULT: "#7c1d12",
};
export const typeColour = (t) => COLOURS[t] || "#888";

export const articleHref = (evidence) =>
  `#/article/${evidence.article.id}?start=${evidence.start}&end=${evidence.end}`;
