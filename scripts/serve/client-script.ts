// The script the preview server adds to every HTML page it serves. It listens to
// the server's events (Server-Sent Events, same origin, nothing else is fetched):
//   reload       the page is reloaded if it is one of the pages that changed; its
//                scroll position is kept (sessionStorage) and restored after the load
//   diagnostics  the build failed: an overlay lists the problems with file:line
//                and the code excerpt the terminal shows, over the last good
//                page; an empty list removes it
// It is plain ES2017 so that it runs as written, and it makes no requests but the
// event stream.
export const CLIENT_PATH = "/__matrix-doc/client.js";
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
      if (d.frame) {
        // The same excerpt of the source as the terminal shows.
        var frame = document.createElement("pre");
        frame.className = "matrix-doc-frame";
        frame.style.cssText = "margin:4px 0 8px;padding:6px 8px;background:#1a0b0b;color:#f3dede;overflow-x:auto;font:inherit";
        frame.textContent = d.frame;
        li.appendChild(frame);
      }
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
    if ((data.pages || []).indexOf(currentPage()) !== -1) reload();
    else removeOverlay();
  });
  window.addEventListener("pagehide", function () { source.close(); });
})();
`;

/** The tag that loads the script, added before `</body>` (or at the end). */
export function injectClient(html: string): string {
  const tag = `<script src="${CLIENT_PATH}"></script>`;
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}
