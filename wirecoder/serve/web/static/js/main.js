// The dashboard: one shared selection (filters in the URL's hash), views that redraw when it
// changes, and a hash router for the dashboard, stories and article pages.
import { FILTER_NAMES, get } from "./api.js";
import * as events from "./events.js";
import * as timeline from "./timeline.js";
import * as map from "./map.js";
import * as network from "./network.js";
import * as article from "./article.js";
import * as stories from "./stories.js";

const DASHBOARD_VIEWS = [timeline, map, network, events];
const form = document.getElementById("filters");
const status = document.getElementById("status");
let filters = {};

export function setStatus(text) { status.textContent = text; }

// Merge `changes` into the selection and redraw every dashboard view (via the hash).
export function setFilters(changes) {
  const next = { ...filters, ...changes };
  for (const k of Object.keys(next)) if (!next[k]) delete next[k];
  const params = new URLSearchParams(next).toString();
  const route = location.hash.startsWith("#/stories") ? location.hash.split("?")[0] : "#/";
  location.hash = `${route}${params ? "?" + params : ""}`;
}

function readForm() {
  const data = new FormData(form);
  const out = {};
  for (const name of FILTER_NAMES) out[name] = (data.get(name) || "").trim();
  return out;
}

function fillForm() {
  for (const name of FILTER_NAMES) form.elements[name].value = filters[name] || "";
}

function parseHash() {
  const [path, search] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(search || "");
  return { parts: (path || "/").split("/").filter(Boolean), params };
}

function show(page) {
  for (const node of document.querySelectorAll("[data-page]")) node.hidden = node.dataset.page !== page;
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === page) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
}

async function route() {
  const { parts, params } = parseHash();
  if (parts[0] === "article" && parts[1]) {
    show("article");
    await article.render(parts[1], params, { setStatus });
    return;
  }
  filters = {};
  for (const name of FILTER_NAMES) if (params.get(name)) filters[name] = params.get(name);
  fillForm();
  if (parts[0] === "stories") {
    show("stories");
    await stories.render(parts[1] ? Number(parts[1]) : null, { setStatus });
    return;
  }
  show("dashboard");
  const ctx = { filters, setFilters, setStatus };
  const started = performance.now();
  const results = await Promise.allSettled(DASHBOARD_VIEWS.map((v) => v.render(ctx)));
  const failed = results.filter((r) => r.status === "rejected");
  if (failed.length) setStatus(`Could not load: ${failed.map((r) => r.reason.message).join("; ")}`);
  document.body.dataset.renderMs = String(Math.round(performance.now() - started));
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
}

form.addEventListener("submit", (e) => { e.preventDefault(); setFilters(readForm()); });
form.addEventListener("change", (e) => { if (e.target.name !== "q") setFilters(readForm()); });
document.getElementById("clear-filters").addEventListener("click", () => {
  filters = {};
  setFilters(Object.fromEntries(FILTER_NAMES.map((n) => [n, ""])));
});
window.addEventListener("hashchange", route);

// The type menu lists every PLOVER type the API knows (with no filter: counts over everything).
get("/api/aggregates/types").then((counts) => {
  const select = form.elements.type;
  for (const t of counts.types) select.append(new Option(t.type, t.type));
  select.value = filters.type || "";
}).catch((e) => setStatus(e.message));
route();
