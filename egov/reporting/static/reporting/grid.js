/* The entry grid: htmx saves each cell when it is left; this adds the keyboard moves of a
   paper-like grid (Enter or arrow keys go down and up the column) and checks the number
   format as the user types, so a typing error shows before the cell is left. The server
   checks everything again. */
(function () {
  "use strict";
  var pattern = /^\s*-?(\d{1,3}(\.\d{3})+(,\d+)?|\d+([.,]\d+)?)\s*$/;
  function inputs() { return Array.prototype.slice.call(document.querySelectorAll("input[data-cell]")); }
  function column(input) {
    var cell = input.closest("td");
    return cell ? Array.prototype.indexOf.call(cell.parentNode.children, cell) : -1;
  }
  function go(target) { target.focus(); target.select(); }
  function move(input, step) {
    // The same column in the next row that has it; else the first cell of the next row
    // (rows have as many cells as their breakdown, like the paper form).
    var all = inputs(), col = column(input), index = all.indexOf(input);
    var row = input.closest("tr"), nextRow = null;
    for (var i = index + step; i >= 0 && i < all.length; i += step) {
      var candidate = all[i], candidateRow = candidate.closest("tr");
      if (candidateRow === row) { continue; }
      if (nextRow === null) { nextRow = candidateRow; }
      if (candidateRow !== nextRow) { break; }
      if (column(candidate) === col) { go(candidate); return; }
    }
    if (nextRow !== null) { go(nextRow.querySelector("input[data-cell]")); }
  }
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-cell]")) { return; }
    if (event.key === "Enter" || event.key === "ArrowDown") {
      event.preventDefault();
      input.dispatchEvent(new Event("change", { bubbles: true }));
      move(input, 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      input.dispatchEvent(new Event("change", { bubbles: true }));
      move(input, -1);
    }
  });
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-cell]")) { return; }
    var ok = input.value.trim() === "" || pattern.test(input.value);
    var id = "typing-" + input.id;
    var note = document.getElementById(id);
    if (ok) {
      input.removeAttribute("aria-invalid");
      if (note) { note.remove(); }
      return;
    }
    input.setAttribute("aria-invalid", "true");
    if (!note) {
      note = document.createElement("p");
      note.className = "field-error";
      note.id = id;
      note.textContent = document.documentElement.lang === "en"
        ? "Not a number (use a comma for decimals, e.g. 1.234,5)."
        : "Không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 1.234,5).";
      input.insertAdjacentElement("afterend", note);
      input.setAttribute("aria-describedby", id);
    }
  });
})();
