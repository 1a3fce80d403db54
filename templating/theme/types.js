// Named types in the Type column link to their table; a button beside each
// link opens that table in place, in a row under the field, the way API
// browsers show nested objects (and closes it again). Opened tables print.
(function () {
  "use strict";
  function targetTable(link) {
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) !== "#") return null;
    var el = document.getElementById(decodeURIComponent(href.slice(1)));
    return el && el.tagName === "TABLE" ? el : null;
  }
  // The buttons are added after the first paint, so that they do not hold it up.
  function addButtons() {
  var links = document.querySelectorAll(".content td a.reference.internal");
  for (var i = 0; i < links.length; i++) {
    var link = links[i];
    if (!targetTable(link) || (link.nextSibling && link.nextSibling.className === "type-expand")) continue;
    link.classList.add("type-link");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "type-expand";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", "Show the fields of " + link.textContent.trim() + " here");
    button.textContent = "+";
    link.parentNode.insertBefore(button, link.nextSibling);
  }
  document.documentElement.setAttribute("data-types", "ready");
  }
  requestAnimationFrame(function () { setTimeout(addButtons, 0); });
  // The preview updates the page in place: the new links get their buttons.
  document.addEventListener("matrix-doc:morphed", addButtons);

  function close(button) {
    var row = button.__typeRow;
    if (row && row.parentNode) row.parentNode.removeChild(row);
    button.__typeRow = null;
    button.setAttribute("aria-expanded", "false");
    button.textContent = "+";
  }
  function open(button) {
    var link = button.previousSibling;
    var table = link && targetTable(link);
    var row = button.closest("tr");
    if (!table || !row) return;
    var wrapper = table.parentNode.classList.contains("table-wrapper") ? table.parentNode : table;
    var copy = wrapper.cloneNode(true);
    // The copy has no ids (they stay unique) and starts with its own types closed.
    var withIds = copy.querySelectorAll("[id]");
    for (var i = 0; i < withIds.length; i++) withIds[i].removeAttribute("id");
    copy.removeAttribute("id");
    var nested = copy.querySelectorAll("tr.type-inline");
    for (var j = 0; j < nested.length; j++) nested[j].parentNode.removeChild(nested[j]);
    var buttons = copy.querySelectorAll(".type-expand");
    for (var k = 0; k < buttons.length; k++) { buttons[k].setAttribute("aria-expanded", "false"); buttons[k].textContent = "+"; }
    copy.removeAttribute("tabindex");
    copy.removeAttribute("role");
    copy.removeAttribute("aria-label");
    var inline = document.createElement("tr");
    inline.className = "type-inline";
    var cell = document.createElement("td");
    cell.colSpan = row.children.length;
    cell.appendChild(copy);
    inline.appendChild(cell);
    row.parentNode.insertBefore(inline, row.nextSibling);
    button.__typeRow = inline;
    button.setAttribute("aria-expanded", "true");
    button.textContent = "\u2212";
    if (window.matrixDocScrollRegions) window.matrixDocScrollRegions();
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest(".type-expand");
    if (!button) return;
    if (button.getAttribute("aria-expanded") === "true") close(button);
    else open(button);
  });
})();
