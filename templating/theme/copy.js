// Copy buttons: one on every code block (examples, requests, responses), which
// puts the block's text on the clipboard; and the "#" link of every heading,
// which, besides going to the section, copies the section's address.
(function () {
  "use strict";
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallback(text); });
    }
    return Promise.resolve(fallback(text));
  }
  // Without the asynchronous clipboard (an insecure context): a selected, hidden textarea.
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.cssText = "position:fixed;top:0;left:0;opacity:0;pointer-events:none";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (!ok) throw new Error("copy refused");
  }
  function flash(button, label) {
    var old = button.getAttribute("data-label");
    button.textContent = label;
    setTimeout(function () { button.textContent = old; }, 1500);
  }

  // The buttons are added after the first paint, so that they do not hold it up.
  function addButtons() {
  var blocks = document.querySelectorAll(".content pre");
  for (var i = 0; i < blocks.length; i++) {
    var pre = blocks[i];
    if (pre.parentNode.classList.contains("code-box")) continue;
    var box = document.createElement("div");
    box.className = "code-box";
    pre.parentNode.insertBefore(box, pre);
    box.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.setAttribute("data-label", "Copy");
    button.setAttribute("aria-label", "Copy this example");
    button.textContent = "Copy";
    box.appendChild(button);
  }
  var links = document.querySelectorAll(".self-link");
  for (var j = 0; j < links.length; j++) links[j].title = "Link to this section (copies its address)";
  // The buttons widen the blocks' padding: which ones scroll may have changed.
  if (window.matrixDocScrollRegions) window.matrixDocScrollRegions();
  document.documentElement.setAttribute("data-copy", "ready");
  }
  requestAnimationFrame(function () { setTimeout(addButtons, 0); });
  // The preview updates the page in place: the new blocks get their buttons.
  document.addEventListener("matrix-doc:morphed", addButtons);
  document.addEventListener("click", function (e) {
    var target = e.target;
    var button = target.closest && target.closest(".copy-button");
    if (button) {
      var code = button.parentNode.querySelector("pre");
      copyText(code.textContent.replace(/\n$/, "")).then(function () { flash(button, "Copied"); }, function () { flash(button, "Select and copy"); });
      return;
    }
    var link = target.closest && target.closest(".self-link");
    if (link) {
      var url = location.href.split("#")[0] + link.getAttribute("href");
      copyText(url).then(function () {
        link.classList.add("is-copied");
        setTimeout(function () { link.classList.remove("is-copied"); }, 1500);
      }, function () { /* the link still goes to the section */ });
    }
  });
})();
