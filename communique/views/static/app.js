// communique: the page at `/`. Vanilla JavaScript, no build step, no framework.
// Every piece of text from the database reaches the page through textContent or
// createTextNode; no markup is ever parsed from data.
"use strict";

(() => {
  const QUADS = {
    1: { label: "verbal cooperation", colour: "#3f9d4a" },
    2: { label: "material cooperation", colour: "#1d6b35" },
    3: { label: "verbal conflict", colour: "#e08a1e" },
    4: { label: "material conflict", colour: "#c0392b" },
    0: { label: "unclassified", colour: "#8a8f98" },
  };
  const PAGE = 500; // the API's largest page
  const MAX_EVENTS = 20000;
  const TABLE_ROWS = 50;
  const DAY = 86400000;
  const SVG_NS = "http://www.w3.org/2000/svg";

  const state = {
    events: [],
    total: 0,
    domain: null, // [from, to] in ms: all loaded events
    view: null, // [from, to] in ms: what the timeline shows
    tablePage: 0,
    articlesOffset: 0,
    selected: null,
  };

  // --- DOM helpers: text only --------------------------------------------------------

  function build(ns, tag, attrs, children) {
    const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "class" && !ns) node.className = value;
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }
  const h = (tag, attrs, ...children) => build(null, tag, attrs, children);
  const s = (tag, attrs, ...children) => build(SVG_NS, tag, attrs, children);
  const $ = (id) => document.getElementById(id);

  function status(message, isError) {
    const node = $("status");
    node.textContent = message || "";
    node.className = isError ? "error" : "muted";
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
    const url = query.toString() ? `${path}?${query}` : path;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    return body;
  }

  // --- formatting --------------------------------------------------------------------

  const time = (iso) => (iso ? Date.parse(iso + "T00:00:00Z") : null);
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  const quadOf = (e) => QUADS[e.quad_class] || QUADS[0];
  const actorName = (a) => (a ? a.name || a.id : "?");
  function when(e) {
    if (e.date) return e.date;
    if (!e.date_start) return "undated";
    if (e.date_start === e.date_end || !e.date_end) return e.date_start;
    return `${e.date_start} – ${e.date_end}`;
  }
  function goldsteinColour(g) {
    const t = Math.max(0, Math.min(1, ((g ?? 0) + 10) / 20));
    const stops = [[192, 57, 43], [224, 168, 40], [46, 139, 64]];
    const [a, b, u] = t < 0.5 ? [stops[0], stops[1], t * 2] : [stops[1], stops[2], (t - 0.5) * 2];
    const mix = a.map((c, i) => Math.round(c + (b[i] - c) * u));
    return `rgb(${mix.join(",")})`;
  }
  const badge = (text, cls) => h("span", { class: `badge ${cls || ""}`, text });
  const typeBadge = (e) => {
    const node = badge(e.mode ? `${e.event_type}/${e.mode}` : e.event_type, "type");
    node.style.borderColor = quadOf(e).colour;
    node.style.color = quadOf(e).colour;
    return node;
  };
  const modalityBadge = (m) => badge(m, `mod mod-${m}`);
  function actorLink(actor) {
    if (!actor) return h("span", { class: "muted", text: "?" });
    const label = actor.country && actor.country !== actor.id ? `${actorName(actor)} (${actor.country})` : actorName(actor);
    return h("a", { href: "#", class: "actor-link", "data-actor": actor.id, text: label, onclick: (ev) => { ev.preventDefault(); ev.stopPropagation(); showActor(actor.id); } });
  }
  const pair = (e) => h("span", { class: "pair" }, actorLink(e.source), " → ", actorLink(e.target));

  // --- filters -----------------------------------------------------------------------

  function filters() {
    const out = {};
    for (const name of ["actor", "country", "type", "modality", "since", "until", "text"]) {
      const value = $(`f-${name}`).value.trim();
      if (value) out[name] = value;
    }
    return out;
  }

  async function loadEvents() {
    const where = filters();
    $("filter-error").hidden = true;
    status("loading events…");
    try {
      const events = [];
      let total = 0;
      do {
        const page = await api("/api/events", { ...where, limit: PAGE, offset: events.length });
        total = page.total;
        events.push(...page.items);
        if (!page.items.length) break;
      } while (events.length < total && events.length < MAX_EVENTS);
      state.events = events;
      state.total = total;
      state.domain = extent(events);
      state.view = state.domain ? [...state.domain] : null;
      state.tablePage = 0;
      status(total > events.length ? `showing the first ${events.length} of ${total} events` : "");
    } catch (err) {
      $("filter-error").textContent = err.message;
      $("filter-error").hidden = false;
      status("");
      return;
    }
    renderAll();
  }

  function extent(events) {
    const times = events.flatMap((e) => [time(e.date_start), time(e.date_end)]).filter((t) => t !== null);
    if (!times.length) return null;
    const lo = Math.min(...times), hi = Math.max(...times);
    const pad = Math.max(DAY, (hi - lo) * 0.04);
    return [lo - pad, hi + pad];
  }

  function visibleEvents() {
    if (!state.view) return state.events;
    const [lo, hi] = state.view;
    return state.events.filter((e) => {
      const a = time(e.date_start), b = time(e.date_end) ?? a;
      return a === null || (b >= lo && a <= hi);
    });
  }

  function renderAll() {
    renderTimeline();
    renderTable();
    renderNetwork();
    renderDyadOptions();
  }

  // --- timeline ----------------------------------------------------------------------

  const LANES = [1, 2, 3, 4, 0];
  const MARGIN = { left: 118, right: 14, top: 8, bottom: 24 };

  function ticks(lo, hi, width) {
    const span = hi - lo, want = Math.max(2, Math.floor(width / 80));
    const steps = [[DAY, "day"], [7 * DAY, "week"], [30.44 * DAY, "month"], [91.3 * DAY, "quarter"]];
    const [, unit] = steps.find(([ms]) => span / ms <= want) || [0, "year"];
    const years = Math.max(1, Math.ceil(span / (365.25 * DAY) / want));
    const d = new Date(lo);
    d.setUTCHours(0, 0, 0, 0);
    if (unit !== "day" && unit !== "week") d.setUTCDate(1);
    if (unit === "quarter") d.setUTCMonth(d.getUTCMonth() - (d.getUTCMonth() % 3));
    if (unit === "year") { d.setUTCMonth(0); d.setUTCFullYear(d.getUTCFullYear() - (d.getUTCFullYear() % years)); }
    const fmt = (x) => (unit === "day" || unit === "week" ? isoDay(x) : unit === "year" ? isoDay(x).slice(0, 4) : isoDay(x).slice(0, 7));
    const out = [];
    for (let guard = 0; d.getTime() <= hi && guard < 400; guard++) {
      if (d.getTime() >= lo) out.push([d.getTime(), fmt(d.getTime())]);
      if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
      else if (unit === "week") d.setUTCDate(d.getUTCDate() + 7);
      else if (unit === "month") d.setUTCMonth(d.getUTCMonth() + 1);
      else if (unit === "quarter") d.setUTCMonth(d.getUTCMonth() + 3);
      else d.setUTCFullYear(d.getUTCFullYear() + years);
    }
    return out;
  }

  const anchor = (px, width) => (px > width - 40 ? "end" : "middle");

  function renderTimeline() {
    const svg = $("timeline");
    svg.replaceChildren();
    const width = svg.clientWidth || 800, height = svg.clientHeight || 190;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!state.view) {
      svg.append(s("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty", text: "no dated events match" }));
      $("range-label").textContent = "";
      return;
    }
    const [lo, hi] = state.view;
    const x = (t) => MARGIN.left + ((t - lo) / (hi - lo)) * (width - MARGIN.left - MARGIN.right);
    const laneH = (height - MARGIN.top - MARGIN.bottom) / LANES.length;
    LANES.forEach((q, i) => {
      const y = MARGIN.top + i * laneH;
      svg.append(s("rect", { x: MARGIN.left, y, width: width - MARGIN.left - MARGIN.right, height: laneH, class: i % 2 ? "lane odd" : "lane" }));
      svg.append(s("text", { x: MARGIN.left - 6, y: y + laneH / 2 + 4, "text-anchor": "end", class: "lane-label", text: QUADS[q].label }));
    });
    for (const [t, label] of ticks(lo, hi, width - MARGIN.left)) {
      svg.append(s("line", { x1: x(t), x2: x(t), y1: MARGIN.top, y2: height - MARGIN.bottom, class: "tick" }));
      svg.append(s("text", { x: x(t), y: height - 7, "text-anchor": anchor(x(t), width), class: "tick-label", text: label }));
    }
    const shown = visibleEvents().filter((e) => e.date_start);
    for (const e of shown) {
      const lane = LANES.indexOf(QUADS[e.quad_class] ? e.quad_class : 0);
      const y = MARGIN.top + lane * laneH + laneH / 2 + jitter(e.event_id) * laneH * 0.3;
      const x0 = x(time(e.date_start)), x1 = x(time(e.date_end) ?? time(e.date_start));
      const r = 3 + 1.6 * Math.sqrt(e.num_articles || 1);
      const group = s("g", { class: `mark${state.selected === e.event_id ? " selected" : ""}`, "data-event": e.event_id, onclick: () => showEvent(e.event_id) },
        s("title", { text: `${when(e)} ${e.event_type}: ${actorName(e.source)} → ${actorName(e.target)} (${e.modality}, ${e.num_articles} article(s))` }));
      if (x1 - x0 > 2 * r) group.append(s("rect", { x: x0, y: y - 2, width: x1 - x0, height: 4, rx: 2, fill: quadOf(e).colour, opacity: 0.45 }));
      group.append(s("circle", { cx: x0, cy: y, r, fill: quadOf(e).colour, class: `dot mod-${e.modality}` }));
      svg.append(group);
    }
    $("range-label").textContent = `${isoDay(lo)} – ${isoDay(hi)} · ${shown.length} event(s) in view`;
    installBrush(svg, x, lo, hi, width, height);
  }

  function jitter(id) {
    let n = 0;
    for (const c of id) n = (n * 31 + c.charCodeAt(0)) % 997;
    return n / 997 - 0.5;
  }

  function installBrush(svg, x, lo, hi, width, height) {
    const toTime = (px) => lo + ((px - MARGIN.left) / (width - MARGIN.left - MARGIN.right)) * (hi - lo);
    const local = (ev) => {
      const box = svg.getBoundingClientRect();
      return ((ev.clientX - box.left) / box.width) * width;
    };
    let start = null, band = null;
    svg.onmousedown = (ev) => {
      if (ev.target.closest("g.mark")) return;
      start = Math.max(MARGIN.left, local(ev));
      band = s("rect", { x: start, y: MARGIN.top, width: 0, height: height - MARGIN.top - MARGIN.bottom, class: "brush" });
      svg.append(band);
    };
    svg.onmousemove = (ev) => {
      if (start === null) return;
      const now = Math.min(width - MARGIN.right, Math.max(MARGIN.left, local(ev)));
      band.setAttribute("x", Math.min(start, now));
      band.setAttribute("width", Math.abs(now - start));
    };
    svg.onmouseup = svg.onmouseleave = (ev) => {
      if (start === null) return;
      const end = Math.min(width - MARGIN.right, Math.max(MARGIN.left, local(ev)));
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      if (b - a > 6) zoomTo(toTime(a), toTime(b));
      else band.remove();
    };
  }

  function zoomTo(lo, hi) {
    if (hi - lo < DAY) [lo, hi] = [(lo + hi) / 2 - DAY / 2, (lo + hi) / 2 + DAY / 2];
    state.view = [lo, hi];
    state.tablePage = 0;
    renderTimeline();
    renderTable();
    renderNetwork();
  }

  function zoomBy(factor) {
    if (!state.view) return;
    const [lo, hi] = state.view, mid = (lo + hi) / 2, half = ((hi - lo) / 2) * factor;
    zoomTo(mid - half, mid + half);
  }

  // --- events table ------------------------------------------------------------------

  function renderTable() {
    const rows = visibleEvents();
    $("event-count").textContent = String(rows.length);
    const body = $("events-table").tBodies[0];
    body.replaceChildren();
    const first = state.tablePage * TABLE_ROWS;
    for (const e of rows.slice(first, first + TABLE_ROWS)) {
      const sentence = (e.mentions[0] && e.mentions[0].sentence) || "";
      body.append(h("tr", { class: state.selected === e.event_id ? "selected" : "", "data-event": e.event_id, onclick: () => showEvent(e.event_id) },
        h("td", { class: "nowrap", text: when(e) }),
        h("td", {}, typeBadge(e)),
        h("td", {}, pair(e)),
        h("td", {}, modalityBadge(e.modality)),
        h("td", { class: "num", text: `${e.num_articles}/${e.num_outlets}` }),
        h("td", { class: "sentence", title: sentence, text: sentence })));
    }
    if (!rows.length) body.append(h("tr", {}, h("td", { colspan: 6, class: "muted", text: "No events match these filters." })));
    pager($("events-pager"), rows.length, state.tablePage, TABLE_ROWS, (p) => { state.tablePage = p; renderTable(); });
  }

  function pager(node, total, pageNo, size, go) {
    node.replaceChildren();
    const pages = Math.ceil(total / size);
    if (pages <= 1) return;
    node.append(
      h("button", { type: "button", disabled: pageNo === 0, text: "‹ previous", onclick: () => go(pageNo - 1) }),
      h("span", { class: "muted", text: ` page ${pageNo + 1} of ${pages} ` }),
      h("button", { type: "button", disabled: pageNo >= pages - 1, text: "next ›", onclick: () => go(pageNo + 1) }));
  }

  // --- actor network -----------------------------------------------------------------

  function graph(events) {
    const nodes = new Map(), edges = new Map();
    for (const e of events) {
      if (!e.source || !e.target || e.source.id === e.target.id) continue;
      for (const a of [e.source, e.target]) {
        if (!nodes.has(a.id)) nodes.set(a.id, { actor: a, degree: 0 });
        nodes.get(a.id).degree++;
      }
      const key = [e.source.id, e.target.id].sort().join("\u0000");
      if (!edges.has(key)) edges.set(key, { a: e.source.id, b: e.target.id, events: [] });
      edges.get(key).events.push(e);
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  // A small force layout: repulsion between every pair, springs along edges, a pull to
  // the centre; positions start on a circle so the picture is the same on every load.
  function layout(nodes, edges, width, height) {
    const n = nodes.length, k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.55;
    const index = new Map(nodes.map((node, i) => [node.actor.id, i]));
    nodes.forEach((node, i) => {
      node.x = width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / n);
      node.y = height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / n);
    });
    let temperature = width / 8;
    const gravity = 0.022 * n;
    for (let step = 0; step < 250; step++) {
      const dx = new Float64Array(n), dy = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        const vx = nodes[i].x - nodes[j].x, vy = nodes[i].y - nodes[j].y, d = Math.max(Math.hypot(vx, vy), 0.01);
        const f = (k * k) / d;
        dx[i] += (vx / d) * f; dy[i] += (vy / d) * f; dx[j] -= (vx / d) * f; dy[j] -= (vy / d) * f;
      }
      for (const edge of edges) {
        const i = index.get(edge.a), j = index.get(edge.b);
        const vx = nodes[i].x - nodes[j].x, vy = nodes[i].y - nodes[j].y, d = Math.max(Math.hypot(vx, vy), 0.01);
        const f = (d * d) / k;
        dx[i] -= (vx / d) * f; dy[i] -= (vy / d) * f; dx[j] += (vx / d) * f; dy[j] += (vy / d) * f;
      }
      nodes.forEach((node, i) => {
        dx[i] += (width / 2 - node.x) * gravity; dy[i] += (height / 2 - node.y) * gravity * 1.6;
        const d = Math.max(Math.hypot(dx[i], dy[i]), 0.01), move = Math.min(d, temperature);
        node.x = Math.min(width - 130, Math.max(20, node.x + (dx[i] / d) * move));
        node.y = Math.min(height - 20, Math.max(20, node.y + (dy[i] / d) * move));
      });
      temperature *= 0.97;
    }
  }

  function renderNetwork() {
    const svg = $("network");
    svg.replaceChildren();
    const width = svg.clientWidth || 800, height = svg.clientHeight || 460;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const { nodes, edges } = graph(visibleEvents());
    if (!nodes.length) {
      svg.append(s("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty", text: "no events between two actors in view" }));
      return;
    }
    layout(nodes, edges, width, height);
    const at = new Map(nodes.map((node) => [node.actor.id, node]));
    for (const edge of edges) {
      const mean = edge.events.reduce((sum, e) => sum + (e.goldstein ?? 0), 0) / edge.events.length;
      const a = at.get(edge.a), b = at.get(edge.b);
      svg.append(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: goldsteinColour(mean), "stroke-width": 1.5 + 2 * Math.log2(edge.events.length), class: "edge", onclick: () => openDyad(edge.a, edge.b) },
        s("title", { text: `${actorName(a.actor)} – ${actorName(b.actor)}: ${edge.events.length} event(s), mean Goldstein ${mean.toFixed(1)}` })));
    }
    for (const node of nodes) {
      svg.append(s("g", { class: "node", transform: `translate(${node.x},${node.y})`, "data-actor": node.actor.id, onclick: () => showActor(node.actor.id) },
        s("circle", { r: 5 + 2.5 * Math.sqrt(node.degree) }),
        s("text", { x: 9 + 2.5 * Math.sqrt(node.degree), y: 4, text: actorName(node.actor) }),
        s("title", { text: `${actorName(node.actor)} (${node.actor.id}): ${node.degree} event(s)` })));
    }
  }

  // --- dyad --------------------------------------------------------------------------

  function renderDyadOptions() {
    const actors = new Map();
    for (const e of state.events) for (const a of [e.source, e.target]) if (a) actors.set(a.id, a);
    const sorted = [...actors.values()].sort((a, b) => actorName(a).localeCompare(actorName(b)));
    for (const id of ["dyad-a", "dyad-b"]) {
      const select = $(id), keep = select.value;
      select.replaceChildren(h("option", { value: "", text: "choose an actor" }), ...sorted.map((a) => h("option", { value: a.id, text: `${actorName(a)} (${a.id})` })));
      if (actors.has(keep)) select.value = keep;
    }
    renderDyad();
  }

  function openDyad(a, b) {
    $("dyad-a").value = a;
    $("dyad-b").value = b;
    selectTab("dyad");
    renderDyad();
  }

  function renderDyad() {
    const a = $("dyad-a").value, b = $("dyad-b").value;
    const svg = $("dyad-chart"), list = $("dyad-list");
    svg.replaceChildren();
    list.replaceChildren();
    const width = svg.clientWidth || 800, height = svg.clientHeight || 220;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!a || !b) {
      $("dyad-summary").textContent = "Choose two actors (or click an edge in the network).";
      return;
    }
    const between = state.events.filter((e) => e.source && e.target && ((e.source.id === a && e.target.id === b) || (e.source.id === b && e.target.id === a)));
    const scores = between.map((e) => e.goldstein).filter((g) => g !== null && g !== undefined);
    const mean = scores.length ? scores.reduce((x, y) => x + y, 0) / scores.length : null;
    $("dyad-summary").textContent = `${between.length} event(s)` + (mean === null ? "" : ` · mean Goldstein ${mean.toFixed(1)}`);
    const dated = between.filter((e) => e.date_start);
    const span = extent(dated) || [Date.now() - DAY, Date.now() + DAY];
    const left = 40, right = 14, top = 10, bottom = 24;
    const x = (t) => left + ((t - span[0]) / (span[1] - span[0])) * (width - left - right);
    const y = (g) => top + ((10 - g) / 20) * (height - top - bottom);
    for (const g of [10, 5, 0, -5, -10]) {
      svg.append(s("line", { x1: left, x2: width - right, y1: y(g), y2: y(g), class: g === 0 ? "zero" : "tick" }));
      svg.append(s("text", { x: left - 6, y: y(g) + 4, "text-anchor": "end", class: "tick-label", text: String(g) }));
    }
    for (const [t, label] of ticks(span[0], span[1], width - left)) svg.append(s("text", { x: x(t), y: height - 6, "text-anchor": anchor(x(t), width), class: "tick-label", text: label }));
    for (const e of dated) {
      const forward = e.source.id === a;
      svg.append(s("g", { class: "mark", "data-event": e.event_id, onclick: () => showEvent(e.event_id) },
        s(forward ? "circle" : "rect", forward ? { cx: x(time(e.date_start)), cy: y(e.goldstein ?? 0), r: 6, fill: quadOf(e).colour } : { x: x(time(e.date_start)) - 5, y: y(e.goldstein ?? 0) - 5, width: 10, height: 10, fill: quadOf(e).colour }),
        s("title", { text: `${when(e)} ${e.event_type}: ${actorName(e.source)} → ${actorName(e.target)}` })));
    }
    for (const e of between) list.append(eventItem(e));
  }

  function eventItem(e) {
    return h("li", { class: "event-item", "data-event": e.event_id, onclick: () => showEvent(e.event_id) },
      h("span", { class: "nowrap date", text: when(e) }), " ", typeBadge(e), " ", pair(e), " ", modalityBadge(e.modality));
  }

  // --- quotes and articles -----------------------------------------------------------

  async function loadQuotes() {
    const list = $("quote-list");
    list.replaceChildren();
    try {
      const page = await api("/api/quotes", { speaker: $("q-speaker").value.trim(), about: $("q-about").value.trim(), limit: PAGE });
      $("quote-count").textContent = page.total > page.items.length ? `first ${page.items.length} of ${page.total}` : `${page.total} quote(s)`;
      for (const q of page.items) list.append(quoteItem(q));
    } catch (err) {
      list.append(h("li", { class: "error", text: err.message }));
    }
  }

  function quoteItem(q) {
    const who = q.speaker ? actorLink(q.speaker) : h("span", { text: q.speaker_mention || "unattributed" });
    return h("li", { class: "quote" },
      h("blockquote", { class: q.direct ? "direct" : "indirect", text: q.direct ? `“${q.text}”` : q.text }),
      h("div", { class: "meta" }, "— ", who, q.speaker && q.speaker_mention ? ` (“${q.speaker_mention}”)` : "", q.cue ? ` · ${q.cue}` : "", " · ",
        h("a", { href: "#", text: "in its article", onclick: (ev) => { ev.preventDefault(); showArticle(q.article_id, [q.start, q.end]); } })));
  }

  async function loadArticles() {
    const body = $("articles-table").tBodies[0];
    body.replaceChildren();
    try {
      const page = await api("/api/articles", { limit: 100, offset: state.articlesOffset });
      for (const a of page.items) {
        body.append(h("tr", { "data-article": a.article_id, onclick: () => showArticle(a.article_id) },
          h("td", { class: "nowrap", text: a.published ? a.published + (a.published_inferred ? " (inferred)" : "") : "undated" }),
          h("td", {}, a.title || a.article_id, a.duplicate_of ? h("span", { class: "badge dup", text: "copy" }) : ""),
          h("td", { text: a.outlet || "" }),
          h("td", { class: "num", text: String(a.num_sentences ?? "") })));
      }
      pager($("articles-pager"), page.total, state.articlesOffset / 100, 100, (p) => { state.articlesOffset = p * 100; loadArticles(); });
    } catch (err) {
      body.append(h("tr", {}, h("td", { colspan: 4, class: "error", text: err.message })));
    }
  }

  // --- the evidence panel ------------------------------------------------------------

  function panel(...children) {
    const node = $("detail");
    node.replaceChildren(...children.flat(2).filter((c) => c !== null && c !== undefined && c !== false));
    $("evidence").scrollTop = 0;
  }

  // A sentence or article text with ranges marked; each range is {start, end, cls, onclick, title}.
  function marked(text, ranges) {
    const cuts = new Set([0, text.length]);
    for (const r of ranges) if (r.start >= 0 && r.end <= text.length && r.end > r.start) { cuts.add(r.start); cuts.add(r.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const covering = ranges.filter((r) => r.start <= a && r.end >= b);
      if (!covering.length) { out.push(document.createTextNode(text.slice(a, b))); continue; }
      const actor = covering.find((r) => r.cls === "actor");
      const node = h(actor ? "mark" : "span", { class: covering.map((r) => r.cls).join(" "), title: covering.map((r) => r.title).filter(Boolean).join(" · ") || null, text: text.slice(a, b) });
      const click = covering.find((r) => r.onclick);
      if (click) node.addEventListener("click", (ev) => { ev.stopPropagation(); click.onclick(); });
      out.push(node);
    }
    return out;
  }

  async function showEvent(id) {
    state.selected = id;
    for (const node of document.querySelectorAll("[data-event]")) node.classList.toggle("selected", node.getAttribute("data-event") === id);
    let e;
    try {
      e = await api(`/api/events/${encodeURIComponent(id)}`);
    } catch (err) {
      panel(h("h2", { text: "Evidence" }), h("p", { class: "error", text: err.message }));
      return;
    }
    const facts = h("dl", { class: "facts" },
      h("dt", { text: "When" }), h("dd", { text: `${when(e)}${e.date_precision ? ` (${e.date_precision})` : ""}` }),
      h("dt", { text: "Type" }), h("dd", {}, typeBadge(e), e.cameo ? ` CAMEO ${e.cameo}` : "", e.goldstein !== null ? ` · Goldstein ${e.goldstein}` : "", ` · ${quadOf(e).label}`),
      h("dt", { text: "Modality" }), h("dd", {}, modalityBadge(e.modality)),
      e.location ? [h("dt", { text: "Where" }), h("dd", { text: [e.location.name, e.location.country].filter(Boolean).join(", ") })] : [],
      h("dt", { text: "Sources" }), h("dd", { text: `${e.num_articles} article(s), ${e.num_outlets} outlet(s)${e.first_reported ? `; first reported ${e.first_reported}` : ""}` }),
      h("dt", { text: "Confidence" }), h("dd", { text: e.confidence === null ? "?" : e.confidence.toFixed(2) }));
    const conflicts = e.conflicts && Object.keys(e.conflicts).length
      ? h("div", { class: "conflict" }, h("b", { text: "Reports disagree: " }), Object.entries(e.conflicts).map(([k, v]) => `${k}: ${[].concat(v).join(", ")}; `))
      : null;
    panel(
      h("h2", {}, "Event ", h("span", { class: "muted small", text: e.event_id })),
      h("div", { class: "headline" }, pair(e)),
      facts, conflicts,
      h("h3", { text: `Evidence (${e.mentions.length})` }),
      h("ol", { class: "plain evidence-list" }, e.mentions.map(evidenceItem)),
      e.quotes.length ? [h("h3", { text: "Quotes by these actors in the same reports" }), h("ol", { class: "plain quotes" }, e.quotes.map(quoteItem))] : []);
  }

  function evidenceItem(m) {
    const article = m.article || {};
    const ranges = m.actor_spans.map((span) => ({ start: span.start_in_sentence, end: span.end_in_sentence, cls: "actor", title: span.actor ? `${actorName(span.actor)} (${span.actor.id})` : null, onclick: span.actor ? () => showActor(span.actor.id) : null }));
    const [cs, ce] = m.clause_in_sentence;
    if (ce > cs && (ce - cs) < m.sentence_text.length) ranges.push({ start: cs, end: ce, cls: "clause", title: "the clause that states the event" });
    return h("li", { class: "evidence" },
      h("p", { class: "sentence" }, marked(m.sentence_text, ranges)),
      h("div", { class: "meta" },
        h("a", { href: "#", class: "article-link", text: article.title || m.article_id, onclick: (ev) => { ev.preventDefault(); showArticle(m.article_id, [m.sentence_start, m.sentence_start + m.sentence_text.length]); } }),
        ` — ${article.outlet || "unknown outlet"}, ${article.published || (article.published_start ? `${article.published_start}…${article.published_end} (inferred)` : "undated")}`,
        article.duplicate_of ? " · wire copy" : "",
        m.modality && m.modality !== "asserted" ? [" · ", modalityBadge(m.modality)] : [],
        m.date_text ? ` · date from “${m.date_text}”` : ""));
  }

  async function showArticle(id, focus) {
    let a;
    try {
      a = await api(`/api/articles/${encodeURIComponent(id)}`);
    } catch (err) {
      panel(h("h2", { text: "Article" }), h("p", { class: "error", text: err.message }));
      return;
    }
    const ranges = [
      ...a.mentions.map((m) => ({ start: m.start, end: m.end, cls: "actor", title: m.actor ? `${actorName(m.actor)} (${m.actor.id})` : null, onclick: m.actor ? () => showActor(m.actor.id) : null })),
      ...a.events.filter((e) => e.start !== null).map((e) => ({ start: e.start, end: e.end, cls: "event-span", title: `${e.event_type}: ${actorName(e.source)} → ${actorName(e.target)}`, onclick: () => showEvent(e.event_id) })),
      ...a.quotes.map((q) => ({ start: q.start, end: q.end, cls: "quote-span", title: `quote by ${q.speaker ? actorName(q.speaker) : q.speaker_mention || "?"}` })),
    ];
    if (focus) ranges.push({ start: focus[0], end: focus[1], cls: "focus" });
    const url = /^https?:\/\//i.test(a.url || "") ? h("a", { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank", text: a.url }) : a.url ? h("span", { text: a.url }) : null;
    panel(
      h("h2", { class: "title", text: a.title || a.article_id }),
      h("div", { class: "meta" }, `${a.outlet || "unknown outlet"} · ${a.published || "undated"}${a.published_inferred ? " (inferred)" : ""}`, a.duplicate_of ? ` · copy of ${a.duplicate_of}` : "", url ? [" · ", url] : []),
      h("div", { class: "legend small" }, h("mark", { class: "actor", text: "actor" }), " ", h("span", { class: "event-span", text: "event clause" }), " ", h("span", { class: "quote-span", text: "quote" })),
      h("div", { class: "article-text", id: "article-text" }, marked(a.text, ranges)),
      a.events.length ? [h("h3", { text: `Events (${a.events.length})` }), h("ol", { class: "plain events" }, a.events.map(eventItem))] : [],
      a.quotes.length ? [h("h3", { text: `Quotes (${a.quotes.length})` }), h("ol", { class: "plain quotes" }, a.quotes.map(quoteItem))] : []);
    const target = document.querySelector("#article-text .focus");
    if (target) target.scrollIntoView({ block: "center" });
  }

  async function showActor(id) {
    let actor;
    try {
      const page = await api("/api/actors", { search: id, limit: PAGE });
      actor = page.items.find((a) => a.id === id);
    } catch (err) {
      panel(h("h2", { text: "Actor" }), h("p", { class: "error", text: err.message }));
      return;
    }
    const involved = state.events.filter((e) => (e.source && e.source.id === id) || (e.target && e.target.id === id));
    if (!actor) actor = { id, name: id, aliases: [] };
    panel(
      h("h2", { class: "title", text: actorName(actor) }),
      h("dl", { class: "facts" },
        h("dt", { text: "Id" }), h("dd", { text: actor.id }),
        h("dt", { text: "Country" }), h("dd", { text: actor.country || "?" }),
        actor.kind ? [h("dt", { text: "Kind" }), h("dd", { text: actor.kind })] : [],
        actor.sector ? [h("dt", { text: "Sector" }), h("dd", { text: actor.sector })] : [],
        actor.title ? [h("dt", { text: "Title" }), h("dd", { text: actor.title })] : [],
        h("dt", { text: "Mentions" }), h("dd", { text: String(actor.num_mentions ?? "?") }),
        h("dt", { text: "Also called" }), h("dd", { text: (actor.aliases || []).join(" · ") || "—" })),
      h("div", { class: "buttons" },
        h("button", { type: "button", text: "Filter events by this actor", onclick: () => { $("f-actor").value = id; loadEvents(); } }),
        h("button", { type: "button", class: "secondary", text: "Their quotes", onclick: () => { $("q-speaker").value = actor.name || id; $("q-about").value = ""; selectTab("quotes"); loadQuotes(); } })),
      h("h3", { text: `Events in view (${involved.length})` }),
      h("ol", { class: "plain events" }, involved.map(eventItem)));
  }

  // --- side panels, tabs, start-up ---------------------------------------------------

  async function loadActors() {
    const page = await api("/api/actors", { limit: PAGE });
    $("actor-count").textContent = `(${page.total})`;
    $("actor-options").replaceChildren(...page.items.map((a) => h("option", { value: a.id, text: actorName(a) })));
    $("actor-list").replaceChildren(...page.items.slice(0, 60).map((a) => h("li", {},
      h("a", { href: "#", "data-actor": a.id, text: actorName(a), onclick: (ev) => { ev.preventDefault(); showActor(a.id); } }),
      h("span", { class: "muted small", text: ` ${a.country || ""} · ${a.num_mentions}` }))));
  }

  function selectTab(name) {
    for (const button of document.querySelectorAll("#tabs button")) button.setAttribute("aria-selected", String(button.dataset.tab === name));
    for (const section of document.querySelectorAll(".tab")) section.hidden = section.id !== `tab-${name}`;
    if (name === "network") renderNetwork();
    if (name === "dyad") renderDyad();
    if (name === "quotes" && !$("quote-list").childElementCount) loadQuotes();
    if (name === "articles") loadArticles();
  }

  async function loadVocabulary() {
    const schema = await api("/api/openapi.json");
    const params = schema.paths["/api/events"].get.parameters;
    const values = (name) => {
      const p = params.find((x) => x.name === name).schema;
      return (p.enum || (p.anyOf || []).flatMap((x) => x.enum || []));
    };
    $("f-type").append(...values("type").map((v) => h("option", { value: v, text: v })));
    $("f-modality").append(...values("modality").map((v) => h("option", { value: v, text: v })));
  }

  async function loadSummary() {
    const info = await api("/api/summary");
    const c = info.counts;
    $("summary").textContent = `${info.database} · ${c.events} events · ${c.articles} articles · ${c.actors} actors · ${c.quotes} quotes` +
      (info.first_date ? ` · ${info.first_date} → ${info.last_date}` : "");
  }

  function legend() {
    $("quad-legend").replaceChildren(...[1, 2, 3, 4].map((q) => {
      const swatch = h("span", { class: "swatch" });
      swatch.style.background = QUADS[q].colour;
      return h("span", {}, swatch, QUADS[q].label);
    }), h("span", { class: "muted", text: "Dot size: number of articles. Drag across the strip to zoom." }));
  }

  function wire() {
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); loadEvents(); });
    $("reset").addEventListener("click", () => { $("filters").reset(); loadEvents(); });
    $("zoom-in").addEventListener("click", () => zoomBy(0.5));
    $("zoom-out").addEventListener("click", () => zoomBy(2));
    $("zoom-reset").addEventListener("click", () => { if (state.domain) zoomTo(...state.domain); });
    $("zoom-filter").addEventListener("click", () => {
      if (!state.view) return;
      $("f-since").value = isoDay(state.view[0]);
      $("f-until").value = isoDay(state.view[1]);
      loadEvents();
    });
    for (const button of document.querySelectorAll("#tabs button")) button.addEventListener("click", () => selectTab(button.dataset.tab));
    $("dyad-a").addEventListener("change", renderDyad);
    $("dyad-b").addEventListener("change", renderDyad);
    $("quote-form").addEventListener("submit", (ev) => { ev.preventDefault(); loadQuotes(); });
    let resize = null;
    window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(() => { renderTimeline(); renderNetwork(); }, 150); });
  }

  async function start() {
    wire();
    legend();
    try {
      await Promise.all([loadVocabulary(), loadSummary(), loadActors()]);
    } catch (err) {
      status(err.message, true);
      return;
    }
    await loadEvents();
    document.body.dataset.ready = "true";
  }

  start();
})();
