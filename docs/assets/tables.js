/*
 * Filters and sortable columns for the tables marked `data-filterable` (docs/templates/actions.md).
 *
 * Each row carries what it is filtered by (`data-area="cyber-security"`, `data-topics="a b"`); each
 * <select data-filter="area"> of the form `data-filters-for` the table keeps the rows whose value
 * matches. A button in each column heading sorts by that column (`data-sort` on a cell overrides its
 * text; an empty key sorts last). Without JavaScript the form stays hidden and the whole table reads
 * in the record's own order. Plain script, no library: a few dozen lines, served with the site.
 */
(function () {
  "use strict";

  function setUp(table) {
    if (table.dataset.ready) return;
    table.dataset.ready = "true";
    var form = document.querySelector('form[data-filters-for="' + table.id + '"]');
    if (form) setUpFilters(form, table);
    setUpSorting(table);
  }

  function setUpFilters(form, table) {
    var rows = Array.from(table.tBodies[0].rows);
    var selects = Array.from(form.querySelectorAll("select[data-filter]"));
    var status = form.querySelector("[role=status]");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = selects.every(function (select) {
          var values = (row.dataset[select.dataset.filter] || "").split(" ");
          return !select.value || values.indexOf(select.value) !== -1;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      status.textContent = "Showing " + shown + " of " + rows.length + " " + (form.dataset.noun || "rows") + ".";
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function setUpSorting(table) {
    var headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "table-sort";
      button.append.apply(button, Array.from(header.childNodes));
      // The arrow is decoration: aria-sort on the heading tells assistive technology the order.
      var arrow = document.createElement("span");
      arrow.className = "table-sort__arrow";
      arrow.setAttribute("aria-hidden", "true");
      button.append(arrow);
      header.append(button);
      button.addEventListener("click", function () { sortBy(table, headers, column); });
    });
  }

  function sortBy(table, headers, column) {
    var ascending = headers[column].getAttribute("aria-sort") !== "ascending";
    headers.forEach(function (header) { header.removeAttribute("aria-sort"); });
    headers[column].setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column), y = key(b, column);
      if (x === "" || y === "") return (x === "") - (y === "");
      return compare(x, y) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function key(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute("data-sort") ? cell.dataset.sort : cell.textContent.trim();
  }

  function compare(x, y) {
    if (!isNaN(x) && !isNaN(y)) return Number(x) - Number(y);
    return x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
  }

  function setUpAll() {
    document.querySelectorAll("table[data-filterable]").forEach(setUp);
  }

  // Material's document$ also fires after an instant-navigation page change.
  if (window.document$) window.document$.subscribe(setUpAll);
  else setUpAll();
})();
