// The page's main script: marks the section being read in the table of contents
// (IntersectionObserver), keeps that entry visible in the sidebar, opens the
// branch of the contents it belongs to, and turns the sidebar into a drawer on
// narrow screens; the light/dark toggle; keyboard access to boxes that scroll.
// copy.js, types.js and search.js do the rest. The page reads fine without them.
(function () {
  "use strict";
  var toc = document.getElementById("page-toc");
  if (!toc) return;
  var scroller = toc.querySelector(".toc-scroll");
  var items = Array.prototype.slice.call(toc.querySelectorAll("li[data-target]"));
  var byId = new Map();
  var headings = [];
  items.forEach(function (li) {
    var section = document.getElementById(li.getAttribute("data-target"));
    var heading = section && section.querySelector("h1, h2, h3, h4, h5, h6");
    if (!heading) return;
    byId.set(li.getAttribute("data-target"), li);
    headings.push({ id: li.getAttribute("data-target"), el: heading, section: section });
  });
  toc.classList.add("toc-collapsible");

  var current = null;
  function markCurrent(id) {
    if (id === current) return;
    current = id;
    toc.querySelectorAll(".is-current, .is-open").forEach(function (el) {
      el.classList.remove("is-current", "is-open");
    });
    var li = id && byId.get(id);
    if (!li) return;
    li.classList.add("is-current");
    var link = li.querySelector(":scope > a");
    if (link) link.setAttribute("aria-current", "location");
    toc.querySelectorAll("a[aria-current]").forEach(function (a) {
      if (a !== link) a.removeAttribute("aria-current");
    });
    for (var p = li; p && p !== toc; p = p.parentElement) if (p.tagName === "LI") p.classList.add("is-open");
    if (link && scroller) {
      var top = link.offsetTop - scroller.offsetTop;
      if (top < scroller.scrollTop + 40 || top > scroller.scrollTop + scroller.clientHeight - 60) {
        scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
      }
    }
  }

  // The current section is the last one whose top has reached the top of the
  // window (below the sticky header). Sections are in document order, and so are
  // their tops, so a binary search finds it. The observer only says when to look.
  function offsetTopLimit() {
    var header = document.querySelector(".site-header");
    return (header ? header.getBoundingClientRect().bottom : 0) + 48;
  }
  function update() {
    var limit = offsetTopLimit();
    var lo = 0, hi = headings.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (headings[mid].section.getBoundingClientRect().top <= limit) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    markCurrent(found >= 0 ? headings[found].id : headings.length ? headings[0].id : null);
  }
  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; update(); });
  }
  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(schedule, { rootMargin: "0px 0px -60% 0px", threshold: [0, 1] });
    headings.forEach(function (h) { observer.observe(h.el); });
  } else {
    window.addEventListener("scroll", schedule, { passive: true });
  }
  window.addEventListener("hashchange", schedule);
  update();

  // Narrow screens: the contents become a drawer opened from the header.
  var toggle = document.querySelector(".toc-toggle");
  if (toggle) {
    toggle.hidden = false;
    var setOpen = function (open) {
      document.body.classList.toggle("toc-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    toggle.addEventListener("click", function () { setOpen(!document.body.classList.contains("toc-open")); });
    toc.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a")) setOpen(false);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") setOpen(false);
    });
  }
})();

// Light or dark: the toggle in the header overrides the system setting, and is
// remembered (localStorage; the page's <head> applies it before the first paint).
(function () {
  "use strict";
  var KEY = "matrix-doc-theme";
  var root = document.documentElement;
  var button = document.querySelector(".theme-toggle");
  if (!button) return;
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var chosen = root.getAttribute("data-theme");
    return chosen ? chosen === "dark" : !!(system && system.matches);
  }
  function show() {
    var dark = isDark();
    button.setAttribute("aria-pressed", dark ? "true" : "false");
    button.title = dark ? "Switch to the light theme" : "Switch to the dark theme";
  }
  button.hidden = false;
  show();
  if (system && system.addEventListener) system.addEventListener("change", show);
  button.addEventListener("click", function () {
    var next = isDark() ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { localStorage.setItem(KEY, next); } catch (e) { /* not remembered, still switched */ }
    show();
  });
})();

// Boxes that scroll sideways (wide tables, long code lines) can be scrolled
// from the keyboard: those that overflow get into the tab order, with a name.
(function () {
  "use strict";
  function update() {
    var boxes = document.querySelectorAll(".content .table-wrapper, .content pre");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        // Named and numbered, so that every region has a name of its own.
        var caption = box.querySelector("caption");
        var kind = box.tagName === "PRE" ? "Code example " : "Table ";
        box.setAttribute("aria-label", kind + (i + 1) + (caption ? ": " + caption.textContent.trim() : ""));
      } else if (!scrolls && box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  window.matrixDocScrollRegions = update;
  document.addEventListener("matrix-doc:morphed", update);
  // After the load, so that measuring the boxes does not hold up the first paint.
  function first() {
    setTimeout(function () {
      update();
      document.documentElement.setAttribute("data-scroll-regions", "ready");
    }, 0);
  }
  if (document.readyState === "complete") first();
  else window.addEventListener("load", first);
})();
