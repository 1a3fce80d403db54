// The version switcher: lists every version of ../versions.js and opens the
// chosen one on the same page and the same section (the anchor of the address
// while it is on screen, else the section the contents mark as current). A page reached with an anchor it does not have starts
// at the top instead.
(function () {
  "use strict";
  if (location.hash && !document.getElementById(decodeURIComponent(location.hash.slice(1)))) {
    history.replaceState(null, "", location.pathname + location.search);
    window.scrollTo(0, 0);
  }
  var data = window.matrixDocVersions;
  var label = document.querySelector(".version-switcher");
  if (!data || !label || !data.versions || !data.versions.length) return;
  var select = label.querySelector("select");
  var parts = location.pathname.split("/");
  var page = parts.pop() || "index.html";
  var folder = decodeURIComponent(parts.pop() || "");
  var here = folder === "latest" ? data.latest : folder;
  data.versions.forEach(function (v) {
    var option = document.createElement("option");
    option.value = v.name;
    option.textContent = v.name + (v.name === data.latest ? " (latest)" : "") + (v.date && v.name === v.release ? " \u2013 " + v.date : "");
    if (v.name === here) option.selected = true;
    select.appendChild(option);
  });
  label.hidden = false;
  // The section being read: the address's anchor while its target is on screen,
  // else the one the contents mark as current (theme.js).
  function readingAnchor() {
    var id = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
    var target = id && document.getElementById(id);
    if (target) {
      var box = target.getBoundingClientRect();
      if (box.top < innerHeight && box.bottom > 0) return "#" + encodeURIComponent(id);
    }
    var current = document.querySelector(".toc .is-current");
    return current ? "#" + encodeURIComponent(current.getAttribute("data-target")) : "";
  }
  select.addEventListener("change", function () {
    var target = data.versions.filter(function (v) { return v.name === select.value; })[0];
    if (!target) return;
    var anchor = readingAnchor();
    var samePage = target.pages.indexOf(page) !== -1;
    location.href = "../" + encodeURIComponent(target.name) + "/" + (samePage ? page + anchor : "index.html");
  });
})();
