// govkg explorer. Every string from the data is put in the DOM with textContent.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("govkg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const byId = new Map(), adj = new Map(), color = {}, labelOn = {};
  D.labels.forEach(([lab, c]) => { color[lab] = c; labelOn[lab] = true; });
  D.nodes.forEach((n, i) => { n.rank = i; byId.set(n.id, n); adj.set(n.id, []); });
  D.edges.forEach((e, i) => { e.id = "e" + i; adj.get(e.from).push(e); adj.get(e.to).push(e); });
  const shown = new Set(D.nodes.slice(0, D.drawn).map((n) => n.id));
  const pinned = new Set();   // found by search: visible whatever the filters
  let dateFrom = "", dateTo = "", selected = null;
  const MAX_PANEL_RELATIONS = 200;
  const state = { settled: false, settledAt: null, started: performance.now() };

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  const doc = (i) => D.docs[i] || ["", "", ""];
  const span = (a, b) => (a && b && a !== b ? a + " – " + b : a || b || "");
  const inRange = (d) => !!d && (!dateFrom || d >= dateFrom) && (!dateTo || d <= dateTo.concat("\uffff"));
  const dated = () => !!(dateFrom || dateTo);

  function nodeVisible(n) {
    if (pinned.has(n.id)) return true;
    if (!labelOn[n.label]) return false;
    if (!dated()) return true;
    return !!(n.first || n.last) && (!dateTo || (n.first || n.last) <= dateTo + "\uffff") && (!dateFrom || (n.last || n.first) >= dateFrom);
  }
  function edgeVisible(e) {
    if (!nodeVisible(byId.get(e.from)) || !nodeVisible(byId.get(e.to))) return false;
    return !dated() || e.evidence.some((ev) => inRange(ev[2]));
  }

  function nodeTip(n) {
    const t = el("div");
    t.appendChild(el("b", n.name));
    t.appendChild(el("span", " · " + n.label, "meta"));
    if (n.aliases.length) t.appendChild(el("div", "别名: " + n.aliases.join("、")));
    if (n.titles.length) t.appendChild(el("div", "职务: " + n.titles.join("、")));
    if (n.role) t.appendChild(el("div", "身份: " + n.role));
    const when = span(n.first, n.last);
    t.appendChild(el("div", (when ? when + " · " : "") + n.ndocs + " documents · " + n.degree + " relations", "meta"));
    const sents = [];
    adj.get(n.id).forEach((e) => e.evidence.forEach((ev) => { if (ev[1]) sents.push(ev[1]); }));
    n.mentions.forEach((ev) => { if (ev[1]) sents.push(ev[1]); });
    [...new Set(sents)].slice(0, 3).forEach((s) => t.appendChild(el("div", "“" + s + "”", "ev")));
    return t;
  }
  function edgeTip(e) {
    const t = el("div");
    t.appendChild(el("b", byId.get(e.from).name + " → " + e.type + (e.title ? " (" + e.title + ")" : "") + " → " + byId.get(e.to).name));
    t.appendChild(el("div", "×" + e.count, "meta"));
    e.evidence.slice(0, 2).forEach((ev) => t.appendChild(el("div", "“" + ev[1] + "”", "ev")));
    return t;
  }

  const visNode = (n, extra) => Object.assign({
    id: n.id, label: n.name, value: n.degree + 1, color: color[n.label] || "#777",
    title: nodeTip(n), hidden: !nodeVisible(n)
  }, extra || {});
  const visEdge = (e) => ({
    id: e.id, from: e.from, to: e.to, title: edgeTip(e), hidden: !edgeVisible(e),
    width: 1 + Math.log2(e.count), dashes: e.type === "PART_OF" || e.type === "LOCATED_IN"
  });

  const nodes = new vis.DataSet(D.nodes.slice(0, D.drawn).map((n) => visNode(n)));
  const edges = new vis.DataSet(D.edges.filter((e) => shown.has(e.from) && shown.has(e.to)).map(visEdge));
  const network = new vis.Network($("graph"), { nodes, edges }, {
    nodes: {
      shape: "dot", borderWidth: 1,
      scaling: { min: 8, max: 40, label: { enabled: true, min: 12, max: 26, drawThreshold: 6 } },
      font: { face: "Noto Sans CJK SC, Noto Sans SC, sans-serif", strokeWidth: 3, strokeColor: "#fff" }
    },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.4 } }, color: { color: "#c4c4c4", highlight: "#333", hover: "#666" }, smooth: false },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 90, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 25, fit: true }
    },
    layout: { randomSeed: 20240421, improvedLayout: D.drawn <= 150 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: D.drawn > 500 }
  });

  function settle() {
    if (state.settled) return;
    network.setOptions({ physics: false });
    state.settled = true;
    state.settledAt = performance.now();
    status();
  }
  network.once("stabilizationIterationsDone", settle);
  if (D.drawn === 0) settle();

  function status() {
    const visible = nodes.get({ filter: (n) => !n.hidden }).length;
    $("status").textContent = visible + " of " + D.nodes.length + " entities shown · " + D.edges.length + " relations · " + D.docs.length + " documents" + (state.settled ? "" : " · laying out…");
  }

  // ---- filters ----------------------------------------------------------------------
  function refresh() {
    nodes.update(D.nodes.filter((n) => shown.has(n.id)).map((n) => ({ id: n.id, hidden: !nodeVisible(n) })));
    edges.update(edges.getIds().map((id) => ({ id, hidden: !edgeVisible(D.edges[+id.slice(1)]) })));
    if (selected) highlight(selected);
    status();
  }
  D.labels.forEach(([lab, c, count]) => {
    const row = el("label");
    const box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.label = lab;
    box.addEventListener("change", () => { labelOn[lab] = box.checked; refresh(); });
    const sw = el("span", null, "swatch"); sw.style.background = c;
    row.append(box, sw, el("span", lab), el("span", String(count), "count"));
    $("legend").appendChild(row);
  });
  const dates = [];
  D.nodes.forEach((n) => { if (n.first) dates.push(n.first); if (n.last) dates.push(n.last); });
  dates.sort();
  const iso = (d) => (/^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : "");
  if (dates.length) {
    ["date-from", "date-to"].forEach((id) => { $(id).min = iso(dates[0]); $(id).max = iso(dates[dates.length - 1]); });
  }
  const onDate = () => { dateFrom = $("date-from").value; dateTo = $("date-to").value; refresh(); };
  $("date-from").addEventListener("change", onDate);
  $("date-to").addEventListener("change", onDate);
  $("date-reset").addEventListener("click", () => { $("date-from").value = ""; $("date-to").value = ""; onDate(); });

  // ---- drawing an entity that is not drawn yet -----------------------------------------
  function reveal(id) {
    if (shown.has(id)) return;
    const near = adj.get(id).map((e) => (e.from === id ? e.to : e.from));
    const anchor = near.find((m) => shown.has(m));
    const pos = anchor ? network.getPosition(anchor) : network.getViewPosition();
    const add = [id].concat([...new Set(near)].filter((m) => !shown.has(m))
      .sort((a, b) => byId.get(a).rank - byId.get(b).rank).slice(0, 30));
    add.forEach((m, i) => {
      shown.add(m);
      const a = (2 * Math.PI * i) / add.length;
      const r = m === id ? 40 : 160;
      nodes.add(visNode(byId.get(m), { x: pos.x + r * Math.cos(a), y: pos.y + r * Math.sin(a) }));
    });
    const newEdges = [];
    add.forEach((m) => adj.get(m).forEach((e) => {
      if (shown.has(e.from) && shown.has(e.to) && !edges.get(e.id) && !newEdges.some((x) => x.id === e.id)) newEdges.push(visEdge(e));
    }));
    edges.add(newEdges);
  }

  // ---- selection: neighbourhood highlight and side panel -------------------------------
  function highlight(id) {
    const near = new Set([id]);
    adj.get(id).forEach((e) => { near.add(e.from); near.add(e.to); });
    nodes.update(nodes.getIds().map((m) => ({
      id: m, color: near.has(m) ? color[byId.get(m).label] : "rgba(200,200,200,0.35)",
      font: { color: near.has(m) ? "#222" : "rgba(0,0,0,0.25)" }
    })));
  }
  function unhighlight() {
    nodes.update(nodes.getIds().map((m) => ({ id: m, color: color[byId.get(m).label], font: { color: "#222" } })));
  }

  function select(id, focus) {
    const n = byId.get(id);
    if (!n) return;
    reveal(id);
    if (!nodeVisible(n)) { pinned.add(id); refresh(); }
    selected = id;
    network.selectNodes([id]);
    highlight(id);
    showPanel(n);
    if (focus) network.focus(id, { scale: 1.2, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    status();
  }
  function deselect() {
    selected = null;
    network.unselectAll();
    unhighlight();
    $("panel").hidden = true;
  }

  function evidenceList(parent, evs) {
    evs.forEach((ev) => {
      const d = doc(ev[0]);
      const box = el("div", null, "ev");
      if (ev[1]) box.appendChild(el("div", ev[1], "sentence"));
      box.appendChild(el("div", "— " + d[1] + (ev[2] || d[2] ? " (" + (ev[2] || d[2]) + ")" : ""), "src"));
      parent.appendChild(box);
    });
  }
  function showPanel(n) {
    const body = $("panel-body");
    body.replaceChildren();
    body.appendChild(el("h2", n.name));
    const pill = el("span", n.label, "pill"); pill.style.background = color[n.label] || "#777";
    body.appendChild(pill);
    body.appendChild(el("div", [span(n.first, n.last), n.ndocs + " documents", n.degree + " relations"].filter(Boolean).join(" · "), "meta"));
    const list = (head, items) => {
      if (!items.length) return;
      body.appendChild(el("h3", head));
      const ul = el("ul"); items.forEach((x) => ul.appendChild(el("li", x))); body.appendChild(ul);
    };
    list("别名 Aliases", n.aliases);
    list("职务 Posts", n.titles);
    if (n.role) list("身份 Role", [n.role]);
    const rels = adj.get(n.id).slice().sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    if (rels.length) {
      body.appendChild(el("h3", "关系 Relations (" + rels.length + ")"));
      if (rels.length > MAX_PANEL_RELATIONS) body.appendChild(el("div", "the " + MAX_PANEL_RELATIONS + " most frequent:", "meta"));
      rels.slice(0, MAX_PANEL_RELATIONS).forEach((e) => {
        const out = e.from === n.id, other = byId.get(out ? e.to : e.from);
        const box = el("div", null, "rel"), head = el("div", null, "rel-head");
        head.append(el("span", out ? e.type + (e.title ? " · " + e.title : "") + " → " : "← " + e.type + (e.title ? " · " + e.title : "") + " "));
        const link = el("span", other.name, "link");
        link.addEventListener("click", () => select(other.id, true));
        head.append(link, el("span", " ×" + e.count, "meta"));
        box.appendChild(head);
        evidenceList(box, e.evidence);
        if (e.count > e.evidence.length) box.appendChild(el("div", "… " + (e.count - e.evidence.length) + " more", "meta"));
        body.appendChild(box);
      });
    }
    if (n.mentions.length) {
      body.appendChild(el("h3", "文档 Documents (" + n.ndocs + ")"));
      evidenceList(body, n.mentions);
    }
    $("panel").hidden = false;
  }
  $("panel-close").addEventListener("click", deselect);
  network.on("click", (p) => { if (p.nodes.length) select(p.nodes[0], false); else if (!p.edges.length) deselect(); });

  // ---- search over names and aliases -----------------------------------------------------
  function matches(q) {
    q = q.trim();
    if (!q) return [];
    const found = [];
    for (const n of D.nodes) {
      let best = 3;
      for (const s of [n.name].concat(n.aliases)) {
        const r = s === q ? 0 : s.startsWith(q) ? 1 : s.includes(q) ? 2 : 3;
        if (r < best) best = r;
      }
      if (best < 3) found.push([best, n.rank, n]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return found.slice(0, 20).map((f) => f[2]);
  }
  let hits = [];
  function showResults() {
    hits = matches($("search").value);
    const ol = $("results");
    ol.replaceChildren();
    hits.forEach((n, i) => {
      const li = el("li", null, i === 0 ? "active" : "");
      const sw = el("span", null, "swatch"); sw.style.background = color[n.label] || "#777";
      li.append(sw, el("span", n.name));
      if (n.aliases.length) li.append(el("span", n.aliases.join("、"), "alias"));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(n); });
      ol.appendChild(li);
    });
    ol.hidden = !hits.length;
  }
  function choose(n) { $("results").hidden = true; select(n.id, true); }
  $("search").addEventListener("input", showResults);
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { const h = matches($("search").value); if (h.length) choose(h[0]); }
    if (ev.key === "Escape") $("results").hidden = true;
  });
  $("search").addEventListener("blur", () => { $("results").hidden = true; });

  status();
  window.govkg = { data: D, network, nodes, edges, state, select, deselect, matches, reveal };
})();
