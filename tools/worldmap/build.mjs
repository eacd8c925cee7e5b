// Converts Natural Earth 1:110m country outlines (world-atlas, TopoJSON) into the
// small JSON the dashboard's map draws: one entry per country with its polygon
// rings as flat [lon, lat, lon, lat, ...] arrays rounded to 0.1 degree.
// Run once when the pinned packages change: `make worldmap` (npm ci && node build.mjs).
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";

const topo = JSON.parse(readFileSync(new URL("./node_modules/world-atlas/countries-110m.json", import.meta.url)));
const countries = feature(topo, topo.objects.countries).features;
const round = (v) => Math.round(v * 10) / 10;
const out = countries.map((f) => {
  const polys = f.geometry ? (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) : [];
  const rings = polys.flatMap((p) => p.map((ring) => ring.flatMap(([x, y]) => [round(x), round(y)])));
  return { id: f.id ?? null, name: f.properties.name, rings };
}).filter((c) => c.rings.length);
const target = new URL("../../wirecoder/serve/web/static/world.json", import.meta.url);
writeFileSync(target, JSON.stringify({ source: "Natural Earth 1:110m via world-atlas 2.0.2 (public domain)", countries: out }));
console.log(`world.json: ${out.length} countries`);
