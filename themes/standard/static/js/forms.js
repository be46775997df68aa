// Form conveniences only: show the print button when scripts run. Nothing typed is read,
// stored or sent.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
