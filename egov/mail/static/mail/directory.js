/* Public directory: turn each obfuscated address ("user a còng domain", its reversed base64
   in data-m) into a mailto link. Without JavaScript the readable text stays, which people
   and screen readers understand and address harvesters' patterns do not match. */
(function () {
  "use strict";
  document.querySelectorAll("[data-m]").forEach(function (element) {
    var address = atob(element.getAttribute("data-m")).split("").reverse().join("");
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    link.textContent = address;
    element.replaceChildren(link);
  });
})();
