/* Browser side of the explorer: turns clicks into one "action" carrying the current node positions,
   so the server can add nodes next to the ones already placed instead of laying everything out again. */
(function () {
  function parseId(propId) {
    const dot = propId.lastIndexOf(".");
    const text = propId.slice(0, dot);
    let id = text;
    try { id = JSON.parse(text); } catch (e) { /* a plain string id */ }
    return {id: id, prop: propId.slice(dot + 1)};
  }

  function positions() {
    const el = document.getElementById("cy");
    const cy = (el && el._cyreg && el._cyreg.cy) || window.cy;
    const out = {};
    if (!cy || typeof cy.nodes !== "function") { return out; }
    cy.nodes().forEach(function (n) {
      const p = n.position();
      out[n.id()] = {x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10};
    });
    return out;
  }

  // One trigger → an action, or null when it asks for nothing.
  function toAction(trig, args) {
    const parsed = parseId(trig.prop_id);
    const id = parsed.id;
    const selectedNode = args.selection && args.selection.node ? args.selection.node : null;
    if (typeof id === "object" && id.type === "action-btn") {
      if (!trig.value) { return null; }
      const name = id.action.replace("-details", "");
      if (["expand", "focus", "hide"].includes(name)) {
        // Without a selection the server answers with a hint instead of silence.
        return {kind: name, actor: selectedNode};
      }
      if (name === "path") {
        return {kind: "path", path_from: args.pathFrom, path_to: args.pathTo, hops: args.hops};
      }
      return {kind: name};
    }
    if (typeof id === "object" && id.type === "actor-link") {
      return trig.value ? {kind: "focus", actor: id.actor} : null;
    }
    if (typeof id === "object" && id.type === "actor-search") {
      return args.searchValue ? {kind: "focus", actor: args.searchValue} : null;
    }
    if (id === "dbltap") {
      return args.dbltap && args.dbltap.id ? {kind: "expand", actor: args.dbltap.id} : null;
    }
    if (id === "incoming") {
      if (!args.incoming) { return null; }
      // The controls will echo these filters back once: that echo is not a change (see filtersAction).
      window.geokgEchoFilters = JSON.stringify(args.incoming.state.filters);
      return {kind: "load", state: args.incoming.state};
    }
    return null;
  }

  function sameFilters(a, b) {
    return JSON.stringify(a) === b;
  }

  // Cytoscape's own double-tap event becomes the "dbltap" store (double-click a node to expand it).
  // Two quick taps cannot be told apart through tapNode: Dash may deliver only the second one.
  function watchDoubleTaps() {
    const el = document.getElementById("cy");
    const cy = el && el._cyreg && el._cyreg.cy;
    if (!cy || cy.__geokgDoubleTap || !window.dash_clientside || !window.dash_clientside.set_props) { return; }
    cy.__geokgDoubleTap = true;
    cy.on("dbltap", "node", function (event) {
      window.dash_clientside.set_props("dbltap", {data: {id: event.target.id(), t: Date.now()}});
    });
  }
  window.setInterval(watchDoubleTaps, 500);

  // When several inputs change at once (first load), the most specific request wins.
  const PRIORITY = ["load", "focus", "expand", "hide", "unhide", "back", "overview", "path", "relayout",
                    "filters", "reload"];

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    geokg: {
      collectAction: function (buttonClicks, linkClicks, searchValue, dbltap, incoming,
                               selection, pathFrom, pathTo, hops) {
        const noUpdate = window.dash_clientside.no_update;
        const ctx = window.dash_clientside.callback_context;
        if (!ctx || !ctx.triggered || ctx.triggered.length === 0) { return noUpdate; }
        const args = {searchValue: searchValue, dbltap: dbltap, incoming: incoming,
                      selection: selection, pathFrom: pathFrom, pathTo: pathTo, hops: hops};
        let best = null;
        ctx.triggered.forEach(function (trig) {
          const action = toAction(trig, args);
          if (action && (best === null || PRIORITY.indexOf(action.kind) < PRIORITY.indexOf(best.kind))) {
            best = action;
          }
        });
        if (best === null) { return noUpdate; }
        best.positions = positions();
        best.t = Date.now();
        return best;
      },
      positions: positions,

      // The sidebar's filters → a "filters" action. Before the first view exists there is nothing to filter
      // (the view a URL loads carries its filters), and the controls' echo of a loaded URL is no change.
      filtersAction: function (filters, state) {
        const noUpdate = window.dash_clientside.no_update;
        if (!filters) { return noUpdate; }
        const echo = window.geokgEchoFilters;
        window.geokgEchoFilters = undefined;
        if (!state || (echo !== undefined && sameFilters(filters, echo))) { return noUpdate; }
        return {kind: "filters", filters: filters, positions: positions(), t: Date.now()};
      },

      // The database is back after an outage: draw the view again.
      reloadAction: function (dbStatus) {
        const down = !(dbStatus && dbStatus.ok);
        const wasDown = window.geokgDbDown === true;
        window.geokgDbDown = down;
        if (down || !wasDown) { return window.dash_clientside.no_update; }
        return {kind: "reload", positions: positions(), t: Date.now()};
      },

      // tapNodeData / tapEdgeData → the selection store (what the details panel shows).
      select: function (node, edge) {
        const ctx = window.dash_clientside.callback_context;
        const trig = ctx && ctx.triggered && ctx.triggered[0];
        if (!trig) { return window.dash_clientside.no_update; }
        if (trig.prop_id.endsWith(".tapNodeData") && node) { return {node: node.id, t: Date.now() / 1000}; }
        if (trig.prop_id.endsWith(".tapEdgeData") && edge) { return {edge: edge.id, t: Date.now() / 1000}; }
        return window.dash_clientside.no_update;
      },

      // The canvas was hidden on another page: size it to its box again and fit the drawing.
      refit: function (pathname) {
        if ((pathname || "/") === "/") {
          window.setTimeout(function () {
            const el = document.getElementById("cy");
            const cy = el && el._cyreg && el._cyreg.cy;
            if (cy) { cy.resize(); cy.fit(undefined, 40); }
          }, 60);
        }
        return window.dash_clientside.no_update;
      }
    }
  });
})();
