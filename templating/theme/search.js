// The search box in the header. The first time the reader uses it, it loads
// MiniSearch (minisearch.js) and the page's index (e.g. index.search.js, made
// at build time) with <script> tags from the page's own folder, which works
// from file:// too. Results name each section with its number and where it
// sits in the contents; choosing one goes to the section. "/" focuses the box.
(function () {
  "use strict";
  var box = document.querySelector(".site-search");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!box || !input || !list) return;
  box.hidden = false;
  var MAX_RESULTS = 12;
  var engine = null;
  var loading = null;
  var selected = -1;
  var results = [];
  var renderedQuery = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }
  function load() {
    if (!loading) {
      loading = loadScript("minisearch.js")
        .then(function () { return loadScript(box.getAttribute("data-index")); })
        .then(function () {
          var data = window.MATRIX_DOC_SEARCH;
          var stop = new Set(data.stopWords);
          var options = Object.assign({}, data.options, {
            processTerm: function (term) {
              var t = term.toLowerCase();
              return stop.has(t) ? null : t;
            },
          });
          engine = window.MiniSearch.loadJS(data.index, options);
          return engine;
        });
      loading.catch(function () {
        list.innerHTML = "";
        var p = document.createElement("p");
        p.className = "search-empty";
        p.textContent = "The search index could not be loaded here; open the page through `matrix-doc serve`.";
        list.appendChild(p);
        setOpen(true);
      });
    }
    return loading;
  }

  // A contents title without its summary line.
  function ownText(el) {
    var copy = el.cloneNode(true);
    var extra = copy.querySelector(".toc-summary");
    if (extra) copy.removeChild(extra);
    return copy.textContent;
  }
  // What the contents say about a section: its number, title and the titles above it.
  function describe(id) {
    var li = document.querySelector('.toc li[data-target="' + (window.CSS && CSS.escape ? CSS.escape(id) : id) + '"]');
    if (!li) return null;
    var link = li.querySelector(":scope > a");
    var number = link.querySelector(".toc-number").textContent;
    var titleEl = link.querySelector(".toc-title");
    var method = link.querySelector(".http-method");
    var summary = titleEl.querySelector(".toc-summary");
    var title = (method ? method.textContent + " " : "") + (titleEl.getAttribute("title") || ownText(titleEl));
    var path = [];
    for (var p = li.parentElement.closest("li[data-target]"); p; p = p.parentElement.closest("li[data-target]")) {
      path.unshift(ownText(p.querySelector(":scope > a .toc-title")));
    }
    return { number: number, title: title, summary: summary ? summary.textContent : "", path: path.join(" › ") };
  }

  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) input.removeAttribute("aria-activedescendant");
  }
  function select(i) {
    var options = list.querySelectorAll(".search-result");
    selected = Math.max(-1, Math.min(i, options.length - 1));
    for (var k = 0; k < options.length; k++) options[k].setAttribute("aria-selected", k === selected ? "true" : "false");
    if (selected >= 0) {
      input.setAttribute("aria-activedescendant", options[selected].id);
      options[selected].scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }
  function render(query) {
    renderedQuery = query;
    list.innerHTML = "";
    selected = -1;
    if (!query.trim()) { setOpen(false); return; }
    var search = { prefix: true, fuzzy: 0.15, boost: { title: 4, summary: 2 }, combineWith: "AND" };
    var found = engine.search(query, search);
    if (!found.length) found = engine.search(query, Object.assign({}, search, { combineWith: "OR" }));
    results = [];
    for (var i = 0; i < found.length && results.length < MAX_RESULTS; i++) {
      var d = describe(found[i].id);
      if (d) results.push({ id: found[i].id, info: d });
    }
    if (!results.length) {
      var p = document.createElement("p");
      p.className = "search-empty";
      p.textContent = "No section matches \u201c" + query.trim() + "\u201d.";
      list.appendChild(p);
    }
    results.forEach(function (r, n) {
      var a = document.createElement("a");
      a.className = "search-result";
      a.id = "search-result-" + n;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.href = "#" + r.id;
      var title = document.createElement("span");
      title.className = "search-result-title";
      var num = document.createElement("span");
      num.className = "toc-number";
      num.textContent = r.info.number;
      title.appendChild(num);
      title.appendChild(document.createTextNode(r.info.title));
      a.appendChild(title);
      var context = r.info.summary || r.info.path;
      if (context) {
        var c = document.createElement("span");
        c.className = "search-result-context";
        c.textContent = context;
        a.appendChild(c);
      }
      a.addEventListener("click", function () { done(); });
      list.appendChild(a);
    });
    setOpen(true);
    if (results.length) select(0);
  }
  function go(i) {
    var r = results[i];
    if (!r) return;
    done();
    if (location.hash === "#" + r.id) document.getElementById(r.id).scrollIntoView();
    else location.hash = r.id;
  }
  function done() {
    setOpen(false);
    input.blur();
    document.body.classList.remove("toc-open");
  }

  var pending = null;
  input.addEventListener("focus", function () { load(); });
  input.addEventListener("input", function () {
    var query = input.value;
    clearTimeout(pending);
    pending = setTimeout(function () {
      load().then(function () { if (input.value === query) render(query); });
    }, 60);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); select(selected + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); select(selected - 1); }
    else if (e.key === "Enter") {
      e.preventDefault();
      var query = input.value;
      clearTimeout(pending);
      load().then(function () {
        if (renderedQuery !== query) render(query);
        go(selected >= 0 ? selected : 0);
      });
    } else if (e.key === "Escape") { setOpen(false); input.blur(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
  document.addEventListener("click", function (e) {
    if (!box.contains(e.target)) setOpen(false);
  });
})();
