// Page conveniences for forms and level pages. Nothing typed is stored or sent: no storage,
// no network, no cookies; what is typed lives only in the page until it is closed.
(function () {
  "use strict";

  // Level pages: print every step's details, then close again what was closed.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  var form = document.querySelector("form.fill-form");
  if (!form) return;
  var summary = document.getElementById("skjema-feil");
  var changed = false;

  // A text area prints at its screen height; a copy of its text below it prints in full and
  // breaks across pages (print CSS shows the copy instead of the box).
  function mirror(area) {
    var copy = area.nextElementSibling;
    if (!copy || !copy.classList.contains("print-value")) {
      copy = document.createElement("div");
      copy.className = "print-value";
      copy.setAttribute("aria-hidden", "true");
      area.after(copy);
    }
    copy.textContent = area.value;
  }
  form.querySelectorAll("textarea").forEach(mirror);

  form.addEventListener("input", function (event) {
    changed = true;
    if (event.target.tagName === "TEXTAREA") mirror(event.target);
  });
  form.addEventListener("change", function () { changed = true; });

  // Leaving a changed form loses what was typed: ask first.
  window.addEventListener("beforeunload", function (event) {
    if (!changed) return;
    event.preventDefault();
    event.returnValue = "";
  });

  form.addEventListener("reset", function (event) {
    if (changed && !window.confirm(form.dataset.confirmClear)) {
      event.preventDefault();
      return;
    }
    changed = false;
    clearErrors();
    // Reset fills the fields after this event; the copies follow.
    setTimeout(function () { form.querySelectorAll("textarea").forEach(mirror); }, 0);
  });

  function filled(field) {
    var controls = field.querySelectorAll("input, textarea");
    var choices = field.querySelectorAll("input[type=radio], input[type=checkbox]");
    if (choices.length) {
      return Array.prototype.some.call(choices, function (c) { return c.checked; });
    }
    // Every part of a date, any other field's one control.
    return Array.prototype.every.call(controls, function (c) { return c.value.trim() !== ""; });
  }

  function clearErrors() {
    form.querySelectorAll(".error-message").forEach(function (m) { m.remove(); });
    form.querySelectorAll(".field-error").forEach(function (f) { f.classList.remove("field-error"); });
    form.querySelectorAll("[aria-invalid]").forEach(function (c) {
      c.removeAttribute("aria-invalid");
      var ids = (c.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && !/-feil$/.test(id);
      });
      if (ids.length) c.setAttribute("aria-describedby", ids.join(" "));
      else c.removeAttribute("aria-describedby");
    });
    if (summary) {
      summary.hidden = true;
      summary.querySelector(".error-list").textContent = "";
    }
  }

  // Required fields that are empty: a message at each and a summary linking to them.
  function check() {
    clearErrors();
    var missing = [];
    form.querySelectorAll("[data-required]").forEach(function (field) {
      if (filled(field)) return;
      var first = field.querySelector("input, textarea");
      var message = document.createElement("p");
      message.className = "error-message";
      message.id = first.id + "-feil";
      message.textContent = field.dataset.label + " " + form.dataset.requiredText;
      var before = field.querySelector(".date-parts, input, textarea, .choice");
      if (field.classList.contains("single-choice")) field.prepend(message);
      else before.before(message);
      field.classList.add("field-error");
      field.querySelectorAll("input, textarea").forEach(function (c) {
        c.setAttribute("aria-invalid", "true");
        var ids = c.getAttribute("aria-describedby");
        c.setAttribute("aria-describedby", (ids ? ids + " " : "") + message.id);
      });
      missing.push({ id: first.id, text: message.textContent });
    });
    if (!missing.length || !summary) return true;
    var list = summary.querySelector(".error-list");
    missing.forEach(function (m) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + m.id;
      link.textContent = m.text;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var target = document.getElementById(m.id);
        target.focus();
        target.scrollIntoView({ block: "center" });
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
    return false;
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      if (check()) window.print();
    });
  });
  document.querySelectorAll("[data-print-anyway]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
