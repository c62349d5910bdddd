// HTML of the local sidebar preview: the workbook grid on the left, the built sidebar in a
// 300 px iframe on the right, and the google.script.run shim injected into the sidebar.

/**
 * Browser script that replaces `google.script.run` in the preview: every server call is posted
 * to the preview server as `{ name, args }`, whose response reaches the success or the failure
 * handler.
 * Like the real object, each `with…Handler` returns a new runner, and arguments and results are
 * copied as JSON. After each call the parent page redraws the grid.
 */
const SHIM = `
(function () {
  function createRunner(handlers) {
    var target = {
      withSuccessHandler: function (fn) { return createRunner(Object.assign({}, handlers, { success: fn })); },
      withFailureHandler: function (fn) { return createRunner(Object.assign({}, handlers, { failure: fn })); },
      withUserObject: function (value) { return createRunner(Object.assign({}, handlers, { userObject: value })); }
    };
    return new Proxy(target, {
      get: function (object, name) {
        if (name in object) return object[name];
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: name, args: args })
          })
            .then(function (response) { return response.json(); })
            .then(function (answer) {
              if (window.parent !== window) window.parent.postMessage({ type: 'sidebar-call', name: name }, location.origin);
              if (answer.ok) { if (handlers.success) handlers.success(answer.value, handlers.userObject); }
              else if (handlers.failure) handlers.failure(new Error(answer.message), handlers.userObject);
              else console.error(answer.message);
            })
            .catch(function (error) {
              if (handlers.failure) handlers.failure(new Error('The preview server did not respond: ' + error.message), handlers.userObject);
            });
        };
      }
    });
  }
  window.google = { script: { run: createRunner({}), host: { close: function () {}, editor: { focus: function () {} } } } };
})();
`;

/** Inserts the shim before the sidebar's own script, and sets the start screen when one is given. */
export function injectShim(sidebarHtml: string, startScreen?: string): string {
  let html = sidebarHtml.replace('<script>', () => `<script>${SHIM}</script><script>`);
  // The same edit the server makes when a menu item opens the sidebar on one screen.
  if (startScreen) html = html.replace('<body', () => `<body data-screen="${startScreen}"`);
  return html;
}

/** Returns the preview page. Cell text is set with textContent, so markup in a cell stays inert. */
export function previewPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · sidebar preview</title>
<style>
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; display: flex; height: 100vh; }
  #sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; border-right: 1px solid #dadce0; }
  #tabs { display: flex; gap: 4px; padding: 4px 8px; background: #f8f9fa; border-bottom: 1px solid #dadce0; }
  #tabs button { border: 1px solid #dadce0; background: #fff; padding: 3px 10px; cursor: pointer; }
  #tabs button[aria-pressed="true"] { background: #e8f0fe; border-color: #1a73e8; }
  #info { padding: 4px 8px; color: #5f6368; }
  #scroll { overflow: auto; flex: 1; }
  table { border-collapse: collapse; font-size: 12px; }
  th, td { border: 1px solid #e0e0e0; padding: 2px 6px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f1f3f4; position: sticky; top: 0; z-index: 1; font-weight: 500; }
  td.row { background: #f1f3f4; color: #5f6368; text-align: right; position: sticky; left: 0; }
  td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; }
  td.formula { color: #0b57d0; }
  iframe { width: 300px; border: 0; height: 100vh; flex: none; }
</style>
</head>
<body>
<section id="sheet" aria-label="Workbook">
  <div id="tabs" role="toolbar" aria-label="Sheets"></div>
  <div id="info" aria-live="polite"></div>
  <div id="scroll"><table id="grid" aria-label="Sheet cells"></table></div>
</section>
<iframe id="sidebar" title="Sidebar" src="/sidebar"></iframe>
<script>
(function () {
  var shownSheetId = null;
  var lastSelection = null;
  var letters = function (n) { var s = ''; while (n > 0) { var m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; };

  function draw(snapshot) {
    var tabs = document.getElementById('tabs');
    tabs.textContent = '';
    var selection = snapshot.selection;
    snapshot.sheets.forEach(function (sheet) {
      if (sheet.hidden) return;
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.textContent = sheet.name;
      tab.setAttribute('aria-pressed', String(sheet.sheetId === shownSheetId));
      tab.addEventListener('click', function () { shownSheetId = sheet.sheetId; draw(snapshot); });
      tabs.appendChild(tab);
    });
    var sheet = snapshot.sheets.filter(function (s) { return s.sheetId === shownSheetId; })[0] || snapshot.sheets[0];
    if (!sheet) return;
    var table = document.getElementById('grid');
    table.textContent = '';
    var width = sheet.rows.reduce(function (max, row) { return Math.max(max, row.length); }, 0);
    var head = document.createElement('tr');
    head.appendChild(document.createElement('th'));
    for (var c = 1; c <= width; c++) { var th = document.createElement('th'); th.textContent = letters(c); head.appendChild(th); }
    table.appendChild(head);
    var selectedCell = null;
    sheet.rows.forEach(function (row, index) {
      var tr = document.createElement('tr');
      var number = document.createElement('td');
      number.className = 'row';
      number.textContent = String(index + 1);
      tr.appendChild(number);
      for (var c = 0; c < width; c++) {
        var cell = row[c] || { text: '' };
        var td = document.createElement('td');
        td.textContent = cell.text;
        td.dataset.a1 = letters(c + 1) + (index + 1);
        if (cell.formula) { td.classList.add('formula'); td.title = cell.formula; td.dataset.formula = cell.formula; }
        if (cell.background) td.style.background = cell.background;
        if (selection && sheet.sheetId === snapshot.activeSheetId && selection.row === index + 1 && selection.column === c + 1) {
          td.classList.add('selected');
          td.setAttribute('aria-selected', 'true');
          selectedCell = td;
        }
        tr.appendChild(td);
      }
      table.appendChild(tr);
    });
    document.getElementById('info').textContent = sheet.name + ': ' + sheet.rows.length + ' rows' +
      (selectedCell ? ', selected ' + selectedCell.dataset.a1 : '');
    if (selectedCell) selectedCell.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  function refresh() {
    fetch('/grid').then(function (r) { return r.json(); }).then(function (snapshot) {
      // Follow the script's selection to its sheet, but keep a tab the user picked otherwise.
      var selection = JSON.stringify(snapshot.selection) + snapshot.activeSheetId;
      if (shownSheetId === null || selection !== lastSelection) shownSheetId = snapshot.activeSheetId;
      lastSelection = selection;
      draw(snapshot);
    }).catch(function (error) {
      document.getElementById('info').textContent = 'The grid could not be loaded: ' + error.message;
    });
  }
  window.addEventListener('message', function (event) {
    if (event.origin === location.origin && event.data && event.data.type === 'sidebar-call') refresh();
  });
  refresh();
})();
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
