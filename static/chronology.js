// Filter the chronology by actor.
//
// The page lists, under "Filter by actor:", links to each actor's own
// chronology; that is what readers without JavaScript use. This script
// replaces the list with a <select>: choosing an actor hides every item
// whose data-actors (space-separated slugs) does not name it, and every
// month and year left empty. The choice is kept in the address as
// ?actor=slug, so a filtered chronology can be shared and reloaded.
(function () {
  "use strict";
  var nav = document.querySelector("[data-chrono-filter]");
  if (!nav) return;
  var links = nav.querySelectorAll("a[data-actor]");
  var items = document.querySelectorAll(".chrono-item");

  var label = document.createElement("label");
  label.className = "chrono-filter-label";
  label.textContent = "Filter by actor: ";
  var select = document.createElement("select");
  select.id = "chrono-actor";
  select.appendChild(new Option("All actors", ""));
  links.forEach(function (a) {
    select.appendChild(new Option(a.textContent, a.getAttribute("data-actor")));
  });
  label.appendChild(select);
  var status = document.createElement("p");
  status.className = "chrono-status";
  status.setAttribute("aria-live", "polite");
  nav.replaceChildren(label, status);

  function involves(item, slug) {
    return (item.getAttribute("data-actors") || "").split(" ").indexOf(slug) >= 0;
  }

  function apply(slug) {
    var shown = 0;
    items.forEach(function (item) {
      var show = !slug || involves(item, slug);
      item.hidden = !show;
      if (show) shown++;
    });
    document.querySelectorAll(".chrono-month, .chrono-year").forEach(function (section) {
      section.hidden = !section.querySelector(".chrono-item:not([hidden])");
    });
    status.textContent = slug ? shown + " of " + items.length + " items involve " +
      select.options[select.selectedIndex].text + "." : "";
  }

  select.addEventListener("change", function () {
    var url = new URL(window.location.href);
    if (select.value) url.searchParams.set("actor", select.value);
    else url.searchParams.delete("actor");
    window.history.replaceState(null, "", url);
    apply(select.value);
  });

  var initial = new URL(window.location.href).searchParams.get("actor") || "";
  if (initial && select.querySelector('option[value="' + CSS.escape(initial) + '"]')) {
    select.value = initial;
    apply(initial);
  }
})();
