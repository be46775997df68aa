// Live preview client, added by `veiviser serve` only. Reloads the page when a new build
// is ready, and shows content errors over the page until they are fixed.
(function () {
  "use strict";
  var source = new EventSource("/__veiviser/events");
  var overlay = null;
  source.addEventListener("reload", function () {
    window.location.reload();
  });
  source.addEventListener("build-error", function (event) {
    show(event.data);
  });
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "veiviser-error";
      overlay.setAttribute("role", "alert");
      var s = overlay.style;
      s.position = "fixed"; s.inset = "0"; s.zIndex = "99999"; s.overflow = "auto";
      s.background = "rgba(20,20,20,0.95)"; s.color = "#fff"; s.padding = "2rem";
      s.font = "15px/1.5 ui-monospace, Menlo, Consolas, monospace";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "Feil i innholdet – siden viser siste versjon som virket";
    title.style.color = "#ffbf47";
    var pre = document.createElement("pre");
    pre.textContent = text;
    pre.style.whiteSpace = "pre-wrap";
    var hint = document.createElement("p");
    hint.textContent = "Rett feilen og lagre filen, så forsvinner denne meldingen.";
    overlay.appendChild(title);
    overlay.appendChild(pre);
    overlay.appendChild(hint);
  }
})();
