// govkg explorer. Every string from the data is put in the DOM with textContent.
//
// The data (graph/explorer/page.py, page_data) is gzip-compressed JSON in base64: rows of
// arrays that point into a documents table and a sentences table. The first D.drawn
// entities are drawn at the positions D.pos computed when the page was written, with
// no physics; the others are in the search index and are drawn when found.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  // times (ms since navigation): script start, data inflated, data decoded, network made, first drawing
  const state = { settled: false, settledAt: null, started: performance.now(), loadedAt: null, decodedAt: null,
                  networkAt: null, error: null };
  window.govkg = { state };

  async function load() {
    const text = $("govkg-data").textContent.trim();
    const bin = atob(text);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  if (typeof DecompressionStream === "undefined") {
    state.error = "this browser cannot read the page's data (it has no DecompressionStream)";
    $("status").textContent = state.error;
    return;
  }
  $("status").textContent = "loading…";
  load().then(start, (err) => {
    state.error = String(err);
    $("status").textContent = "could not read the page's data: " + err;
  });

  function start(D) {
    state.loadedAt = performance.now();
    // ---- the data as objects (field order: NODE_FIELDS and EDGE_FIELDS in page.py) ----
    const labelNames = D.labels.map((l) => l[0]);
    const rows = D.nodes;
    D.nodes = rows.map((r, i) => ({
      id: i, rank: i, name: r[0], label: labelNames[r[1] || 0], ndocs: r[2] || 0, mentions: r[3] || [],
      degree: r[4] || 0, first: r[5] || "", last: r[6] || r[5] || "", aliases: r[7] || [], titles: r[8] || [],
      role: r[9] || ""
    }));
    D.edges = D.edges.map((r, i) => ({
      id: "e" + i, from: r[0], to: r[1], type: D.types[r[2] || 0], count: r[3] || 0, evidence: r[4] || [],
      title: r[5] || "", first: r[6] || "", last: r[7] || r[6] || ""
    }));
    state.decodedAt = performance.now();
    const byId = D.nodes, adj = D.nodes.map(() => []), color = {}, labelOn = {};
    D.labels.forEach(([lab, c]) => { color[lab] = c; labelOn[lab] = true; });
    D.edges.forEach((e) => { adj[e.from].push(e); adj[e.to].push(e); });
    const shown = new Set(D.nodes.slice(0, D.drawn).map((n) => n.id));
    const pinned = new Set();   // found by search: visible whatever the filters
    let dateFrom = "", dateTo = "", selected = null;
    const MAX_PANEL_RELATIONS = 200, MAX_UNLINKED_LISTED = 100;

    // evidence and mentions: a document index, or [document index, sentence index]
    const doc = (i) => D.docs[i] || ["", "", ""];
    const citeDoc = (c) => (Array.isArray(c) ? c[0] : c);
    const citeSentence = (c) => (Array.isArray(c) ? D.sents[c[1]] || "" : "");
    const citeDate = (c) => doc(citeDoc(c))[2];
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
      if (!nodeVisible(byId[e.from]) || !nodeVisible(byId[e.to])) return false;
      return !dated() || e.evidence.some((c) => inRange(citeDate(c)));
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
      const sents = new Set();
      for (const e of adj[n.id]) {
        for (const c of e.evidence) { const s = citeSentence(c); if (s) sents.add(s); }
        if (sents.size >= 3) break;
      }
      n.mentions.forEach((c) => { const s = citeSentence(c); if (s) sents.add(s); });
      [...sents].slice(0, 3).forEach((s) => t.appendChild(el("div", "“" + s + "”", "ev")));
      return t;
    }
    function edgeTip(e) {
      const t = el("div");
      t.appendChild(el("b", byId[e.from].name + " → " + e.type + (e.title ? " (" + e.title + ")" : "") + " → " + byId[e.to].name));
      t.appendChild(el("div", "×" + e.count, "meta"));
      e.evidence.slice(0, 2).forEach((c) => { const s = citeSentence(c); if (s) t.appendChild(el("div", "“" + s + "”", "ev")); });
      return t;
    }

    const visNode = (n, extra) => Object.assign({
      id: n.id, label: n.name, value: n.degree + 1, color: color[n.label] || "#777",
      title: nodeTip(n), hidden: !nodeVisible(n)
    }, extra || {});
    const visEdge = (e) => ({
      id: e.id, from: e.from, to: e.to, title: edgeTip(e), hidden: !edgeVisible(e),
      width: Math.min(6, 1 + Math.log2(Math.max(e.count, 1))), dashes: e.type === "PART_OF" || e.type === "LOCATED_IN"
    });

    // Names on the nodes: the TOP most connected carry theirs at every zoom, at least
    // LABEL_PX pixels high; the others once the view is close enough to read them
    // (vis-network draws a label of FONT px at scale s when FONT * s >= drawThreshold - 1).
    const TOP = 30, FONT = 14, LABEL_PX = 11;
    let labelScale = 1;
    const fontSize = (n) => (n.rank < TOP ? Math.max(FONT, Math.min(200, LABEL_PX / labelScale)) : FONT);
    const nodes = new vis.DataSet(D.nodes.slice(0, D.drawn).map((n, i) => visNode(n, { x: D.pos[2 * i], y: D.pos[2 * i + 1] })));
    const edges = new vis.DataSet(D.edges.filter((e) => shown.has(e.from) && shown.has(e.to)).map(visEdge));
    const network = new vis.Network($("graph"), { nodes, edges }, {
      nodes: {
        shape: "dot", borderWidth: 1,
        scaling: { min: 8, max: 40, label: { enabled: false, drawThreshold: 8, maxVisible: 22 } },
        font: { size: FONT, face: "Noto Sans CJK SC, Noto Sans SC, sans-serif", strokeWidth: 3, strokeColor: "#fff" }
      },
      edges: { arrows: { to: { enabled: true, scaleFactor: 0.4 } }, color: { color: "#c4c4c4", highlight: "#333", hover: "#666" }, smooth: false },
      physics: false,              // laid out when the page was written
      layout: { improvedLayout: false },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: D.drawn > 500 }
    });
    network.fit({ animation: false });
    state.networkAt = performance.now();
    let labelsQueued = false;
    function sizeLabels() {
      labelsQueued = false;
      labelScale = network.getScale() || 1;
      nodes.update(D.nodes.slice(0, TOP).filter((n) => nodes.get(n.id)).map((n) => ({ id: n.id, font: fontOf(n) })));
    }
    const fontOf = (n, faded) => ({ size: fontSize(n), color: faded ? "rgba(0,0,0,0.25)" : "#222" });
    network.on("zoom", () => { if (!labelsQueued) { labelsQueued = true; requestAnimationFrame(sizeLabels); } });
    sizeLabels();

    function settle() {
      if (state.settled) return;
      state.settled = true;
      state.settledAt = performance.now();
      status();
    }
    network.once("afterDrawing", settle);
    if (D.drawn === 0) settle();

    function status() {
      const visible = nodes.get({ filter: (n) => !n.hidden }).length;
      $("status").textContent = visible + " of " + D.nodes.length + " entities shown · " + D.edges.length + " relations · " + D.docs.length + " documents" + (state.settled ? "" : " · drawing…");
    }

    // ---- filters ----------------------------------------------------------------------
    function refresh() {
      nodes.update(nodes.getIds().map((id) => ({ id, hidden: !nodeVisible(byId[id]) })));
      edges.update(edges.getIds().map((id) => ({ id, hidden: !edgeVisible(D.edges[+id.slice(1)]) })));
      if (selected !== null) highlight(selected);
      status();
    }
    D.labels.forEach(([lab, c, count]) => {
      const row = el("label");
      const box = el("input");
      box.type = "checkbox"; box.checked = true; box.dataset.label = lab;
      box.addEventListener("change", () => { labelOn[lab] = box.checked; refresh(); });
      const sw = el("span", null, "swatch"); sw.style.background = c;
      row.append(box, sw, el("span", lab), el("span", String(count), "count"));
      $("labels").appendChild(row);
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

    // ---- entities with no relation: listed (the most mentioned), never drawn by default ----
    const unlinked = D.nodes.length - D.linked;
    if (unlinked > 0) {
      const box = $("unlinked"), ol = box.querySelector("ol");
      box.querySelector("summary .count").textContent = String(unlinked);
      D.nodes.slice(D.linked, D.linked + MAX_UNLINKED_LISTED).forEach((n) => {
        const li = el("li", null, "link");
        const sw = el("span", null, "swatch"); sw.style.background = color[n.label] || "#777";
        li.append(sw, el("span", n.name), el("span", String(n.ndocs), "count"));
        li.addEventListener("click", () => select(n.id, true));
        ol.appendChild(li);
      });
      if (unlinked > MAX_UNLINKED_LISTED) ol.appendChild(el("li", "… " + (unlinked - MAX_UNLINKED_LISTED) + " more: search", "meta"));
      box.hidden = false;
    }

    // ---- drawing an entity that is not drawn yet -----------------------------------------
    function reveal(id) {
      if (shown.has(id)) return;
      const near = [...new Set(adj[id].map((e) => (e.from === id ? e.to : e.from)))];
      const anchor = near.filter((m) => shown.has(m)).sort((a, b) => a - b)[0];
      const a0 = id * 2.399963;   // golden angle: neighbours of one anchor spread around it
      let centre = network.getViewPosition();
      if (anchor !== undefined) {
        const p = network.getPosition(anchor);
        centre = { x: p.x + 140 * Math.cos(a0), y: p.y + 140 * Math.sin(a0) };
      }
      shown.add(id);
      nodes.add(visNode(byId[id], centre));
      const add = near.filter((m) => !shown.has(m)).slice(0, 30);
      add.forEach((m, i) => {
        shown.add(m);
        const a = a0 + (2 * Math.PI * i) / add.length;
        nodes.add(visNode(byId[m], { x: centre.x + 160 * Math.cos(a), y: centre.y + 160 * Math.sin(a) }));
      });
      const newEdges = new Map();
      [id].concat(add).forEach((m) => adj[m].forEach((e) => {
        if (shown.has(e.from) && shown.has(e.to) && !edges.get(e.id)) newEdges.set(e.id, e);
      }));
      edges.add([...newEdges.values()].map(visEdge));
    }

    // ---- selection: neighbourhood highlight and side panel -------------------------------
    function highlight(id) {
      const near = new Set([id]);
      adj[id].forEach((e) => { near.add(e.from); near.add(e.to); });
      nodes.update(nodes.getIds().map((m) => ({
        id: m, color: near.has(m) ? color[byId[m].label] : "rgba(200,200,200,0.35)", font: fontOf(byId[m], !near.has(m))
      })));
    }
    function unhighlight() {
      nodes.update(nodes.getIds().map((m) => ({ id: m, color: color[byId[m].label], font: fontOf(byId[m]) })));
    }

    function select(id, focus) {
      const n = byId[id];
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

    function evidenceList(parent, cites) {
      cites.forEach((c) => {
        const d = doc(citeDoc(c)), s = citeSentence(c);
        const box = el("div", null, "ev");
        if (s) box.appendChild(el("div", s, "sentence"));
        const src = el("div", "— " + d[1] + (d[2] ? " (" + d[2] + ")" : ""), "src");
        src.title = d[0];
        box.appendChild(src);
        parent.appendChild(box);
      });
    }
    // An official's posts, visits and meetings in date order: each relation from its first
    // dated document to its last (undated ones last), the other end a link.
    const TIMELINE = { HOLDS_POSITION: "任 Post", VISITED: "到 Visited", ATTENDED: "会 Attended" };
    function timeline(body, n) {
      const rows = adj[n.id].filter((e) => e.from === n.id && TIMELINE[e.type]);
      if (!rows.length) return;
      rows.sort((a, b) => (a.first ? 0 : 1) - (b.first ? 0 : 1) || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0)
        || (a.last < b.last ? -1 : a.last > b.last ? 1 : 0) || a.type.localeCompare(b.type));
      const box = el("details", null, "timeline");
      box.id = "timeline";
      box.open = true;
      box.appendChild(el("summary", "时间线 Posts and visits in date order (" + rows.length + ")"));
      const ol = el("ol");
      rows.forEach((e) => {
        const li = el("li");
        li.appendChild(el("span", span(e.first, e.last) || "undated", "when"));
        li.appendChild(el("span", " " + TIMELINE[e.type] + (e.title ? " · " + e.title : "") + " ", "what"));
        const link = el("span", byId[e.to].name, "link");
        link.addEventListener("click", () => select(e.to, true));
        li.append(link, el("span", " ×" + e.count, "meta"));
        ol.appendChild(li);
      });
      box.appendChild(ol);
      body.appendChild(box);
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
      timeline(body, n);
      const rels = adj[n.id].slice().sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
      if (rels.length) {
        body.appendChild(el("h3", "关系 Relations (" + rels.length + ")"));
        if (rels.length > MAX_PANEL_RELATIONS) body.appendChild(el("div", "the " + MAX_PANEL_RELATIONS + " most frequent:", "meta"));
        rels.slice(0, MAX_PANEL_RELATIONS).forEach((e) => {
          const out = e.from === n.id, other = byId[out ? e.to : e.from];
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
        if (n.ndocs > n.mentions.length) body.appendChild(el("div", "… " + (n.ndocs - n.mentions.length) + " more", "meta"));
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
      const score = (s) => (s === q ? 0 : s.startsWith(q) ? 1 : s.includes(q) ? 2 : 3);
      for (const n of D.nodes) {
        let best = score(n.name);
        for (const a of n.aliases) if (best > 0) best = Math.min(best, score(a));
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
    Object.assign(window.govkg, { data: D, network, nodes, edges, select, deselect, matches, reveal });
  }
})();
