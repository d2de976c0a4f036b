/* "Cite this page": a Copy button beside each ready citation. Without JavaScript, or where the browser
   offers no clipboard, the citation is plain text to select and copy, and no button appears. */
(function () {
  "use strict";
  function addButtons() {
    if (!navigator.clipboard) return;
    document.querySelectorAll(".cite-text").forEach(function (text) {
      if (text.nextElementSibling && text.nextElementSibling.classList.contains("cite-copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "cite-copy";
      button.textContent = "Copy";
      var style = text.closest("dd").previousElementSibling;
      button.setAttribute("aria-label", "Copy the " + (style ? style.textContent : "") + " citation");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(text.innerText.trim()).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 2000);
        });
      });
      text.insertAdjacentElement("afterend", button);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addButtons);
  else addButtons();
})();
