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
  source.addEventListener("notice", function (event) {
    notice(event.data);
  });
  // Placeholders left by `veiviser new`: the page works, but must not be published yet.
  function notice(text) {
    var old = document.getElementById("veiviser-notice");
    if (old) old.remove();
    var bar = document.createElement("div");
    bar.id = "veiviser-notice";
    bar.setAttribute("role", "status");
    var s = bar.style;
    s.position = "sticky"; s.top = "0"; s.zIndex = "99998"; s.background = "#ffdd57";
    s.color = "#0b0c0c"; s.padding = "0.75rem 1rem"; s.borderBottom = "3px solid #0b0c0c";
    s.font = "16px/1.4 system-ui, sans-serif";
    var title = document.createElement("strong");
    title.textContent = "Forhåndsvisning: plassholdere må fylles ut før nettstedet kan publiseres";
    var list = document.createElement("ul");
    list.style.margin = "0.4rem 0 0"; list.style.paddingLeft = "1.2rem";
    text.split("\n").forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    bar.appendChild(title);
    bar.appendChild(list);
    document.body.insertBefore(bar, document.body.firstChild);
  }
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
