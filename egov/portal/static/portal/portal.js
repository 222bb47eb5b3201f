// Print buttons (ND 42/2022 Điều 7: print every article); hidden until this script runs.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
