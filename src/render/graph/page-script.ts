/**
 * The HTML page's behaviour, as the text of one inline script (the page loads nothing else): zoom (wheel, buttons)
 * and pan (drag) through the SVG viewBox, search that highlights and steps through matching nodes, a click on a
 * node or an edge showing its facts, problems (code, file:line) and configuration, and the problem list jumping to
 * its node. Events are delegated to the SVG, so that a page of thousands of nodes sets up in constant time.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var svg = document.querySelector('#canvas svg');
  var canvas = document.getElementById('canvas');
  var details = document.getElementById('details');
  var full = svg.viewBox.baseVal;
  var view = { x: full.x, y: full.y, w: full.width, h: full.height };
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  function apply() { svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h); }
  function fit() {
    var r = canvas.getBoundingClientRect();
    var scale = Math.max(full.width / Math.max(r.width, 1), full.height / Math.max(r.height, 1));
    view.w = r.width * scale; view.h = r.height * scale;
    view.x = full.x - (view.w - full.width) / 2; view.y = full.y - (view.h - full.height) / 2;
    apply();
  }
  function zoom(factor, cx, cy) {
    var r = canvas.getBoundingClientRect();
    var px = cx === undefined ? 0.5 : (cx - r.left) / r.width, py = cy === undefined ? 0.5 : (cy - r.top) / r.height;
    var w = view.w * factor, h = view.h * factor;
    view.x += (view.w - w) * px; view.y += (view.h - h) * py; view.w = w; view.h = h;
    apply();
  }
  function centre(el) {
    var b = el.getBBox(), m = el.transform.baseVal.consolidate();
    var x = b.x + b.width / 2 + (m ? m.matrix.e : 0), y = b.y + b.height / 2 + (m ? m.matrix.f : 0);
    var w = Math.min(view.w, 900), h = view.h * (w / view.w);
    view = { x: x - w / 2, y: y - h / 2, w: w, h: h };
    apply();
  }
  canvas.addEventListener('wheel', function (ev) { ev.preventDefault(); zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, ev.clientX, ev.clientY); }, { passive: false });
  var drag = null, moved = false;
  canvas.addEventListener('pointerdown', function (ev) { drag = { x: ev.clientX, y: ev.clientY }; moved = false; });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var r = canvas.getBoundingClientRect(), dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    if (!moved) return;
    view.x -= dx * view.w / r.width; view.y -= dy * view.h / r.height; drag = { x: ev.clientX, y: ev.clientY };
    apply();
  });
  window.addEventListener('pointerup', function () { drag = null; });
  document.getElementById('fit').addEventListener('click', fit);
  document.getElementById('zoom-in').addEventListener('click', function () { zoom(1 / 1.4); });
  document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.4); });

  function text(tag, value, cls) { var e = document.createElement(tag); e.textContent = value; if (cls) e.className = cls; return e; }
  function where(s) { return s && s.file ? s.file + (s.line ? ':' + s.line : '') : s ? s.kind + ' ' + (s.namespace ? s.namespace + '/' : '') + s.name + ' (cluster)' : ''; }
  // Elements by id, found once: a selector query per lookup is a scan of the whole drawing.
  var elements = { node: new Map(), edge: new Map() };
  svg.querySelectorAll('g.node, g.edge').forEach(function (el) { elements[el.classList.contains('edge') ? 'edge' : 'node'].set(el.getAttribute('data-id'), el); });
  var selected = [];
  function select(id, isEdge) {
    selected.forEach(function (el) { el.classList.remove('selected'); });
    selected = [];
    var el = elements[isEdge ? 'edge' : 'node'].get(id);
    if (el) { el.classList.add('selected'); selected.push(el); }
    var item = isEdge ? data.edges[id] : data.nodes[id];
    details.replaceChildren();
    details.hidden = false;
    details.appendChild(text('h2', isEdge ? item.kind + ' edge' : item.title + ' ' + item.label));
    if (!isEdge && item.namespace) details.appendChild(text('p', 'namespace ' + item.namespace, 'muted'));
    if (isEdge) details.appendChild(text('p', item.from + ' \u2192 ' + item.to, 'muted'));
    if (item.source) details.appendChild(text('p', where(item.source), 'source'));
    var table = document.createElement('table');
    var rows = isEdge ? Object.assign({ label: item.label, weight: item.weight === undefined ? undefined : item.weight + '%' }, item.attributes) : item.attributes;
    Object.keys(rows).forEach(function (k) {
      var v = rows[k]; if (v === undefined || v === '') return;
      var tr = document.createElement('tr');
      tr.appendChild(text('th', k));
      tr.appendChild(text('td', Array.isArray(v) ? v.join('\n') : String(v)));
      table.appendChild(tr);
    });
    details.appendChild(table);
    if (item.problems.length) {
      var ul = document.createElement('ul'); ul.className = 'problems';
      item.problems.forEach(function (p) { ul.appendChild(text('li', p.level + ' ' + p.code + (p.file ? ' ' + p.file + (p.line ? ':' + p.line : '') : '') + ': ' + p.message, 'level-' + p.level)); });
      details.appendChild(ul);
    }
    if (item.config) { details.appendChild(text('h3', 'Configuration')); details.appendChild(text('pre', item.config, 'config')); }
    return el;
  }
  svg.addEventListener('click', function (ev) {
    if (moved) return;
    var g = ev.target.closest('g.node, g.edge');
    if (g) select(g.getAttribute('data-id'), g.classList.contains('edge'));
  });
  document.getElementById('problem-list').addEventListener('click', function (ev) {
    var li = ev.target.closest('[data-target]');
    if (!li) return;
    var el = select(li.getAttribute('data-target'), li.getAttribute('data-edge') === 'true');
    if (el) centre(el);
  });

  var search = document.getElementById('search'), matches = [], at = -1;
  var haystack = Object.keys(data.nodes).map(function (id) { var n = data.nodes[id]; return [id, (id + ' ' + n.label + ' ' + n.namespace + ' ' + n.title).toLowerCase()]; });
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    matches.forEach(function (id) { var el = elements.node.get(id); if (el) el.classList.remove('match'); });
    matches = []; at = -1;
    svg.classList.toggle('searching', q !== '');
    if (q) haystack.forEach(function (h) { if (h[1].indexOf(q) >= 0) matches.push(h[0]); });
    matches.forEach(function (id) { var el = elements.node.get(id); if (el) el.classList.add('match'); });
    document.getElementById('matches').textContent = q ? matches.length + ' match' + (matches.length === 1 ? '' : 'es') : '';
  });
  search.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter' || !matches.length) return;
    at = (at + 1) % matches.length;
    var el = select(matches[at], false);
    if (el) centre(el);
  });
  fit();
  window.addEventListener('resize', fit);
  // When the page became interactive, in ms since navigation started (the browser test reports it).
  window.meshGraphReadyMs = Math.round(performance.now());
  document.body.setAttribute('data-ready', 'true');
})();
`;
