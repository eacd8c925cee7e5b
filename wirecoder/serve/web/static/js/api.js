// The public HTTP API, and the one selection every dashboard view asks with.
const FILTER_NAMES = ["type", "actor", "country", "since", "until", "place", "q"];

export function query(filters, extra = {}, omit = []) {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    if (filters[name] && !omit.includes(name)) params.set(name, filters[name]);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export async function get(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = JSON.stringify((await response.json()).detail); } catch (_) { /* not JSON */ }
    throw new Error(`${path}: ${response.status} ${detail}`);
  }
  return response.json();
}

export { FILTER_NAMES };
