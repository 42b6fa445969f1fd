// Quick exit: the "Exit this page" link works without JavaScript; this adds Shift pressed three times
// and hides the page at once, so nobody looking over a shoulder sees it while the next page loads.
(function () {
  "use strict";
  var link = document.getElementById("exit-this-page");
  if (!link) return;
  var target = link.getAttribute("href");
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.display = "none";
    document.title = "Weather";
    window.location.replace(target);
  }
  link.addEventListener("click", leave);
  var presses = 0, timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) leave();
  });
})();
