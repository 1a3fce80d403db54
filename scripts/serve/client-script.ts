// The script the preview server adds to every HTML page it serves. It listens to
// the server's events (Server-Sent Events, same origin, nothing else is fetched):
//   reload       when the page is one of those that changed, it morphs the one
//                section that changed (sent with the event) or, when the change is
//                not inside one section, fetches the new page from the same server
//                and morphs the document into it, with idiomorph: only the nodes
//                that differ change, and the scroll
//                position, the contents' open branches and the drawer stay as
//                they are. A theme change (`full`) reloads the page instead,
//                keeping its scroll position (sessionStorage).
//   diagnostics  the build failed: an overlay lists the problems with file:line
//                over the last good page; an empty list removes it
// It is plain ES2017 so that it runs as written. Scripts of the theme that keep
// state in the page listen to `matrix-doc:morphed` on the document.
export const CLIENT_PATH = "/__matrix-doc/client.js";
export const MORPH_PATH = "/__matrix-doc/idiomorph.js";
export const EVENTS_PATH = "/__matrix-doc/events";
export const OVERLAY_ID = "matrix-doc-overlay";

export const CLIENT_SCRIPT = `(function () {
  "use strict";
  var KEY = "matrix-doc-scroll:" + location.pathname;
  var OVERLAY = ${JSON.stringify(OVERLAY_ID)};
  function currentPage() {
    var last = location.pathname.split("/").pop();
    return last ? decodeURIComponent(last) : "index.html";
  }
  function restoreScroll() {
    var saved = null;
    try { saved = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) { /* storage may be off */ }
    if (saved === null) return;
    var y = Number(saved);
    if (!isFinite(y)) return;
    window.scrollTo(0, y);
    // Fonts and late layout can move the page: set it once more after the load.
    window.addEventListener("load", function () { window.scrollTo(0, y); });
  }
  function reload() {
    try { sessionStorage.setItem(KEY, String(window.scrollY)); } catch (e) { /* reload anyway */ }
    location.reload();
  }
  // Attributes the page's scripts set on the frame (the contents, the header, the
  // body): a morph keeps them, so that the reader's state survives the update.
  var KEPT = { "class": 1, "aria-current": 1, "aria-expanded": 1, "hidden": 1, "style": 1, "open": 1 };
  function scriptState(attribute, node) {
    return KEPT[attribute] === 1 && node.nodeType === 1 && (node === document.body || node === document.documentElement || !!(node.closest && node.closest("#page-toc, .site-header, .toc-toggle")));
  }
  var MORPH = {
    beforeAttributeUpdated: function (attribute, node) { return !scriptState(attribute, node); },
    beforeNodeRemoved: function (node) { return !(node.nodeType === 1 && node.hasAttribute("data-matrix-doc-keep")); }
  };
  // The one section that changed, sent with the event: morphed alone. False when it cannot be.
  function updateSection(section) {
    var old = document.getElementById(section.id);
    if (!old || typeof Idiomorph === "undefined") return false;
    if (window.performance && performance.mark) performance.mark("matrix-doc:update-start");
    var holder = document.createElement("template");
    holder.innerHTML = section.html;
    var next = holder.content.firstElementChild;
    if (!next || next.id !== section.id) return false;
    var y = window.scrollY;
    Idiomorph.morph(old, next, { morphStyle: "outerHTML", callbacks: MORPH });
    if (Math.abs(window.scrollY - y) > 1) window.scrollTo(0, y);
    if (window.performance && performance.mark) performance.mark("matrix-doc:update-end");
    document.dispatchEvent(new CustomEvent("matrix-doc:morphed"));
    return true;
  }
  var updating = false;
  function update() {
    if (updating) return;
    if (typeof Idiomorph === "undefined" || !window.fetch || !window.DOMParser) return reload();
    updating = true;
    if (window.performance && performance.mark) performance.mark("matrix-doc:update-start");
    var y = window.scrollY;
    fetch(location.pathname, { cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, "text/html");
      if (next.title !== document.title) document.title = next.title;
      Idiomorph.morph(document.body, next.body, {
        morphStyle: "innerHTML",
        callbacks: MORPH
      });
      if (Math.abs(window.scrollY - y) > 1) window.scrollTo(0, y);
      if (window.performance && performance.mark) performance.mark("matrix-doc:update-end");
      document.dispatchEvent(new CustomEvent("matrix-doc:morphed"));
      updating = false;
    }).catch(function () { updating = false; reload(); });
  }
  function removeOverlay() {
    var old = document.getElementById(OVERLAY);
    if (old) old.parentNode.removeChild(old);
  }
  function where(d) {
    if (!d.file) return "";
    return d.file + (d.line ? ":" + d.line + (d.column ? ":" + d.column : "") : "");
  }
  function showOverlay(list) {
    removeOverlay();
    if (!list.length) return;
    var box = document.createElement("div");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#2b1111;color:#fff;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
      "padding:12px 16px;border-top:4px solid #e5484d;box-shadow:0 -4px 16px rgba(0,0,0,.4)";
    var head = document.createElement("div");
    head.style.cssText = "font-weight:bold;margin-bottom:6px";
    var errors = list.filter(function (d) { return d.severity === "error"; }).length;
    head.textContent = "The build failed (" + errors + " error" + (errors === 1 ? "" : "s") + "); this is the last good page.";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "hide";
    close.style.cssText = "float:right;font:inherit;background:none;color:#fff;border:1px solid #fff;border-radius:3px;cursor:pointer";
    close.addEventListener("click", removeOverlay);
    head.appendChild(close);
    box.appendChild(head);
    var ul = document.createElement("ul");
    ul.style.cssText = "margin:0;padding:0;list-style:none";
    list.forEach(function (d) {
      var li = document.createElement("li");
      li.className = "matrix-doc-diagnostic";
      li.style.cssText = "margin:4px 0;white-space:pre-wrap";
      var loc = document.createElement("span");
      loc.className = "matrix-doc-location";
      loc.style.cssText = "color:#ffb4b4";
      loc.textContent = where(d);
      li.appendChild(loc);
      li.appendChild(document.createTextNode((loc.textContent ? ": " : "") + d.severity + ": " + d.message + " [" + d.code + "]"));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    document.body.appendChild(box);
  }
  restoreScroll();
  if (typeof EventSource === "undefined") return;
  var source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener("diagnostics", function (e) {
    var data = JSON.parse(e.data);
    showOverlay(data.diagnostics || []);
  });
  source.addEventListener("reload", function (e) {
    var data = JSON.parse(e.data);
    removeOverlay();
    if ((data.pages || []).indexOf(currentPage()) === -1) return;
    var section = data.sections && data.sections[currentPage()];
    if (data.full) reload();
    else if (section && !updateSection(section)) update();
    else if (!section) update();
  });
  window.addEventListener("pagehide", function () { source.close(); });
})();
`;

/** The tags that load the morphing library and the script, added before `</body>` (or at the end). */
export function injectClient(html: string): string {
  const tag = `<script src="${MORPH_PATH}"></script><script src="${CLIENT_PATH}"></script>`;
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}
