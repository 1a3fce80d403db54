// The version switcher: lists every version of ../versions.js and opens the
// chosen one on the same page and the same section (the one being read, else
// the address's anchor). A page reached with an anchor it does not have starts
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
  select.addEventListener("change", function () {
    var target = data.versions.filter(function (v) { return v.name === select.value; })[0];
    if (!target) return;
    var current = document.querySelector(".toc .is-current");
    var anchor = current ? "#" + current.getAttribute("data-target") : location.hash;
    var samePage = target.pages.indexOf(page) !== -1;
    location.href = "../" + encodeURIComponent(target.name) + "/" + (samePage ? page + anchor : "index.html");
  });
})();
